using System.Net;
using System.Text.RegularExpressions;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Web.Tests.Procedure;

/// <summary>An HTTP client signed in through the real sign-in page as a member of staff the test creates.</summary>
internal static partial class StaffClient
{
    public const string Password = "Correct-horse-battery-9";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static Task<(HttpClient Client, Guid UserId)> SignInAsync(HeardAppFactory app, string name, params string[] roles) =>
        SignInAsync(app, name, null, roles);

    /// <summary>Signs in a member of staff scoped to <paramref name="serviceAreaId"/> (service managers, heads of practice).</summary>
    public static async Task<(HttpClient Client, Guid UserId)> SignInAsync(HeardAppFactory app, string name, Guid? serviceAreaId, params string[] roles)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@test.example";
        Guid id;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HeardUser>>();
            var user = new HeardUser { DisplayName = name, UserName = email, Email = email, JobTitle = roles.Length > 0 ? Roles.Describe(roles[0]) : null, ServiceAreaId = serviceAreaId };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            foreach (var role in roles)
            {
                await users.AddToRoleAsync(user, role);
            }

            id = user.Id;
        }

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await PostFormAsync(client, "/staff/sign-in", "/staff/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, id);
    }

    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No anti-forgery token on the page");

    /// <summary>Gets <paramref name="pageUrl"/> for its anti-forgery token, then posts <paramref name="fields"/> to <paramref name="postUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(page) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }

    public static async Task<T> DbAsync<T>(HeardAppFactory app, Func<HeardDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeardDbContext>());
    }

    /// <summary>Puts the case in a new service area (as triage would) and returns the area, so a scoped manager can see it.</summary>
    public static Task<Guid> PlaceInNewAreaAsync(HeardAppFactory app, Guid caseId) =>
        DbAsync(app, async db =>
        {
            var region = new Heard.Application.Organisation.Region { Id = Guid.NewGuid(), Name = "Test region " + Guid.NewGuid().ToString("N")[..6] };
            var area = new Heard.Application.Organisation.ServiceArea { Id = Guid.NewGuid(), Code = "T" + Guid.NewGuid().ToString("N")[..5], Name = "Test area", RegionId = region.Id };
            db.Add(region);
            db.Add(area);
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            @case.ServiceAreaId = area.Id;
            await db.SaveChangesAsync();
            return area.Id;
        });

    public static Task<int> VersionAsync(HeardAppFactory app, Guid caseId) =>
        DbAsync(app, db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());
}
