using Heard.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Identity;

/// <summary>One set of account rules for the web sign-in and the command-line tool.</summary>
public static class IdentitySetup
{
    public const int MaxFailedAttempts = 5;

    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>User and role stores without the web's cookies, for the command-line tool.</summary>
    public static IServiceCollection AddHeardIdentityCore(this IServiceCollection services)
    {
        services.AddIdentityCore<HeardUser>(Configure)
            .AddRoles<HeardRole>()
            .AddEntityFrameworkStores<HeardDbContext>();
        return services;
    }
}
