using Heard.Application.Access;
using Heard.Application.Api;
using Heard.Application.Data;
using Heard.Application.Email;
using Heard.Application.Queues;
using Heard.Application.Scheduling;
using Heard.Application.Search;
using Heard.Application.Tracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Heard.Application;

public static class WorkspaceServices
{
    /// <summary>
    /// The staff workspace: access and scopes, queues, search, the outbox dispatcher and scheduled work, tracking
    /// links and the API's service accounts. Relative folders in settings are taken from <paramref name="baseFolder"/>.
    /// </summary>
    public static IServiceCollection AddHeardWorkspace(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database, string baseFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseQueues>();
        services.AddScoped<CaseAssignment>();
        services.AddScoped<CaseSearch>();
        services.AddScoped<Tracking.Tracking>();
        services.AddScoped<ServiceAccounts>();
        services.AddScoped<ApiIdempotency>();
        services.AddScoped<CaseStatuses>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<DeadlineReminders>();

        services.Configure<EmailSettings>(configuration.GetSection(EmailSettings.Section));
        services.Configure<TrackingSettings>(configuration.GetSection(TrackingSettings.Section));
        services.AddScoped<IEmailTransport>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<EmailSettings>>().Value;
            return string.IsNullOrWhiteSpace(settings.PickupFolder)
                ? new SmtpEmailTransport(provider.GetRequiredService<IOptions<EmailSettings>>())
                : new PickupFolderTransport(Path.GetFullPath(Path.Combine(baseFolder, settings.PickupFolder)));
        });

        services.AddHeardScheduler(configuration, database);
        return services;
    }
}
