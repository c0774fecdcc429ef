using Heard.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Testing;

/// <summary>Creates real staff accounts in the app under test, through ASP.NET Core Identity.</summary>
public static class StaffAccounts
{
    public const string Password = "Test-password-2026";

    /// <summary>A new account with a unique email in <paramref name="role"/> (optionally scoped to a service area).</summary>
    public static async Task<HeardUser> CreateAsync(IServiceProvider services, string role, Guid? serviceAreaId = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HeardUser>>();
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@test.heard.example";
        var user = new HeardUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name ?? $"Test {Roles.Describe(role)}", ServiceAreaId = serviceAreaId };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>HTTP clients signed in as staff, through the real sign-in page.</summary>
public static class StaffClients
{
    /// <summary>A client (no automatic redirects) signed in as a new account in <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(HeardAppFactory app, string role, Guid? serviceAreaId = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var user = await StaffAccounts.CreateAsync(app.Services, role, serviceAreaId, name);
        return await SignedInAsEmailAsync(app, user.Email!);
    }

    public static async Task<HttpClient> SignedInAsEmailAsync(HeardAppFactory app, string email, string password = StaffAccounts.Password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await Forms.TokenForAsync(client, "/staff/sign-in");
        using var response = await Forms.PostAsync(client, "/staff/sign-in", [new("Email", email), new("Password", password)], token);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}.");
        }

        return client;
    }
}
