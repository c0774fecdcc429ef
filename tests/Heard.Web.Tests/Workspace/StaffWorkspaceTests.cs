using System.Net;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Heard.Web.Tests.Workspace;

// Staff pages over HTTP: scope on every page, the access log, search by post, sign-in lockout; the public tracking pages.
public sealed class StaffWorkspaceTests(WorkspaceApp app) : IClassFixture<WorkspaceApp>
{
    [Fact]
    public async Task A_guessed_address_of_another_areas_case_is_not_found_and_shows_nothing_of_it()
    {
        using var managerB = await StaffSession.SignInAsync(app, "sm.b@" + WorkspaceWorld.EmailDomain);
        var target = app.World.AdultComplaintA;

        foreach (var path in new[] { $"/staff/cases/{target.Id}", $"/staff/cases/{target.Id}/assign", $"/staff/cases/{target.Id}/tracking", $"/staff/cases/{target.Id}/access" })
        {
            using var response = await managerB.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(target.Reference, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Quartermain", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_administrator_cannot_open_a_case_but_can_read_the_access_log()
    {
        using var admin = await StaffSession.SignInAsync(app, "admin@" + WorkspaceWorld.EmailDomain);

        using var page = await admin.GetAsync(new Uri($"/staff/cases/{app.World.AdultComplaintA.Id}", UriKind.Relative));
        using var log = await admin.GetAsync(new Uri("/staff/audit/access-log", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/staff/access-denied", new Uri(new Uri("http://localhost"), page.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
    }

    [Fact]
    public async Task Opening_a_case_is_logged_with_who_and_when()
    {
        using var officer = await StaffSession.SignInAsync(app, "complaints@" + WorkspaceWorld.EmailDomain);

        using var response = await officer.GetAsync(new Uri($"/staff/cases/{app.World.ComplimentA.Id}", UriKind.Relative));

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Message)));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var entry = await db.CaseAccessLogs.SingleAsync(l => l.CaseId == app.World.ComplimentA.Id);
        Assert.Equal(app.World.ComplaintsOfficer.Id, entry.UserId);
        Assert.Equal("case-page", entry.Via);
        var log = await officer.GetStringAsync(new Uri($"/staff/audit/access-log?case={app.World.ComplimentA.Id}", UriKind.Relative));
        Assert.Contains("Casey Officer", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_page_is_not_found_outside_the_viewers_scope_even_when_their_role_reaches_the_folder()
    {
        // The children's complaints manager's role reaches the compliments pages, but their scope is children's complaints.
        using var children = await StaffSession.SignInAsync(app, "children@" + WorkspaceWorld.EmailDomain);

        using var response = await children.GetAsync(new Uri($"/staff/compliments/{app.World.ComplimentA.Id}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(app.World.ComplimentA.Reference, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_record_page_is_logged_as_a_view_of_the_case()
    {
        using var officer = await StaffSession.SignInAsync(app, "complaints@" + WorkspaceWorld.EmailDomain);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        if (!await db.OmbudsmanCases.AnyAsync(o => o.CaseId == app.World.OmbudsmanCaseA.Id))
        {
            db.OmbudsmanCases.Add(new Heard.Application.Ombudsman.OmbudsmanCase { CaseId = app.World.OmbudsmanCaseA.Id, PhsoReference = "PHSO-0001", Stage = Heard.Domain.Records.OmbudsmanStage.Enquiry });
            await db.SaveChangesAsync();
        }

        using var response = await officer.GetAsync(new Uri($"/staff/ombudsman/{app.World.OmbudsmanCaseA.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await db.CaseAccessLogs.SingleAsync(l => l.CaseId == app.World.OmbudsmanCaseA.Id && l.Via == "record-page");
        Assert.Equal(app.World.ComplaintsOfficer.Id, entry.UserId);
    }

    [Fact]
    public async Task Search_is_posted_so_a_name_never_appears_in_an_address_and_results_respect_scope()
    {
        using var managerB = await StaffSession.SignInAsync(app, "sm.b@" + WorkspaceWorld.EmailDomain);

        using var own = await StaffSession.PostFormAsync(managerB, "/staff/search", "/staff/search", new Dictionary<string, string> { ["Query"] = "Bernard Holloway" });
        using var other = await StaffSession.PostFormAsync(managerB, "/staff/search", "/staff/search", new Dictionary<string, string> { ["Query"] = "Priya Quartermain" });
        var ownBody = await own.Content.ReadAsStringAsync();
        var otherBody = await other.Content.ReadAsStringAsync();

        Assert.Contains(app.World.AdultComplaintB.Reference, ownBody, StringComparison.Ordinal);
        Assert.Contains("0 cases found", otherBody, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.AdultComplaintA.Reference, otherBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failed_sign_ins_lock_the_account_and_are_logged_by_account_id_not_address()
    {
        var email = "communications@" + WorkspaceWorld.EmailDomain;
        using var client = app.CreateClient();
        string last = "";
        for (var attempt = 0; attempt <= IdentitySetup.MaxFailedAttempts; attempt++)
        {
            using var response = await StaffSession.PostFormAsync(client, "/staff/sign-in", "/staff/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "wrong password " + attempt });
            last = await response.Content.ReadAsStringAsync();
        }

        using var rightPassword = await StaffSession.PostFormAsync(client, "/staff/sign-in", "/staff/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = WorkspaceWorld.Password });
        var refused = await rightPassword.Content.ReadAsStringAsync();

        Assert.Contains("locked", last, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("locked", refused, StringComparison.Ordinal);
        var signInLogs = app.Logs.Entries.Where(e => e.EventId.Id is 1001 or 1002).ToList();
        Assert.True(signInLogs.Count(e => e.EventId.Id == 1002) >= IdentitySetup.MaxFailedAttempts - 1);
        Assert.Contains(signInLogs, e => e.EventId.Id == 1001 && e.Level == LogLevel.Warning);
        Assert.All(signInLogs, e => Assert.Contains(app.World.Communications.Id.ToString(), e.Message, StringComparison.Ordinal));
        Assert.All(signInLogs, e => Assert.DoesNotContain(email, e.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Unknown_and_revoked_tracking_links_get_the_same_page()
    {
        string revokedToken;
        using (var scope = app.Services.CreateScope())
        {
            var tracking = scope.ServiceProvider.GetRequiredService<Heard.Application.Tracking.Tracking>();
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            revokedToken = (await tracking.IssueAsync(app.World.ComplimentA.Id, Heard.Application.Cases.Actor.Public)).Token;
            var version = await db.Cases.Where(c => c.Id == app.World.ComplimentA.Id).Select(c => c.Version).SingleAsync();
            var done = await tracking.RevokeAllAsync(app.World.ViewerFor(app.World.ComplaintsOfficer), app.World.ComplimentA.Id, version, "Test", scope.ServiceProvider.GetRequiredService<Heard.Application.Access.CaseAccess>());
            Assert.Equal(Heard.Application.Access.CaseChangeOutcome.Done, done.Outcome);
        }

        using var client = app.CreateClient();
        using var revoked = await client.GetAsync(new Uri($"/track/{revokedToken}", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/track/QmFkVG9rZW5UaGF0V2FzTmV2ZXJHaXZlblRvQW55b25lMTIz", UriKind.Relative));
        using var explain = await client.GetAsync(new Uri("/track", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(MainContent(await unknown.Content.ReadAsStringAsync()), MainContent(await revoked.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, explain.StatusCode);
        Assert.Contains("tracking link", await explain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", revoked.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_working_tracking_link_shows_the_stage_and_nothing_personal()
    {
        string token;
        using (var scope = app.Services.CreateScope())
        {
            token = (await scope.ServiceProvider.GetRequiredService<Heard.Application.Tracking.Tracking>().IssueAsync(app.World.ChildComplaintA.Id, Heard.Application.Cases.Actor.Public)).Token;
        }

        using var client = app.CreateClient();
        var page = await client.GetStringAsync(new Uri($"/track/{token}", UriKind.Relative));

        Assert.Contains("What is happening", page, StringComparison.Ordinal);
        Assert.Contains(app.World.ChildComplaintA.Reference, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tilly", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nobody listened", page, StringComparison.Ordinal);
    }

    private static string MainContent(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return html[start..end];
    }
}
