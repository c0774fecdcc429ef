using Heard.Application.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application;

public static class ApplicationServices
{
    /// <summary>The application services the front doors (web, API, CLI) call.</summary>
    public static IServiceCollection AddHeardApplication(this IServiceCollection services)
    {
        services.AddScoped<ComplaintIntake>();
        services.AddScoped<Cases.CaseQueries>();
        services.AddScoped<Email.Outbox>();
        services.AddSingleton<Calendar.CalendarCache>();
        services.AddScoped<Calendar.CalendarStore>();
        services.AddScoped<Calendar.CalendarAdministration>();
        services.AddScoped<Deadlines.CaseDeadlines>();
        return services;
    }
}
