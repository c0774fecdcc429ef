using Heard.Application.Cases;
using Heard.Testing;
using Microsoft.Playwright;

namespace Heard.Browser.Tests.Workspace;

// One test per role, in a real browser: what each role can reach, and that a guessed address of a case outside its
// role or area shows a "not found" or "no access" page with nothing of the case on it.
public sealed class RoleReachTests(WorkspaceServer app, Chromium chromium) : IClassFixture<WorkspaceServer>, IClassFixture<Chromium>
{
    [Fact]
    public Task Complaints_officer_opens_adult_complaints_and_the_restricted_case_they_are_named_on_but_not_childrens_complaints_or_mp_enquiries() =>
        CheckAsync("complaints", opens: w => [w.AdultComplaintA, w.AdultComplaintB, w.RestrictedComplaintA], refused: w => [w.ChildComplaintA, w.MpEnquiryA, w.SubjectAccessRequestA], home: "Due in the next 3 working days");

    [Fact]
    public Task Second_complaints_officer_does_not_see_a_restricted_case_they_are_not_named_on() =>
        CheckAsync("complaints2", opens: w => [w.AdultComplaintA], refused: w => [w.RestrictedComplaintA], home: "Unassigned");

    [Fact]
    public Task Childrens_complaints_manager_opens_childrens_complaints_only() =>
        CheckAsync("children", opens: w => [w.ChildComplaintA], refused: w => [w.AdultComplaintA, w.ComplimentA], home: "Awaiting consent");

    [Fact]
    public Task Service_manager_opens_their_own_areas_cases_but_not_another_areas() =>
        CheckAsync("sm.a", opens: w => [w.AdultComplaintA, w.ComplimentA, w.MpEnquiryA], refused: w => [w.AdultComplaintB, w.ChildComplaintA, w.SubjectAccessRequestA, w.RestrictedComplaintA], home: "Assigned to me");

    [Fact]
    public Task Head_of_practice_opens_their_own_areas_cases_but_not_another_areas() =>
        CheckAsync("hop.a", opens: w => [w.OmbudsmanCaseA], refused: w => [w.AdultComplaintB], home: "Overdue");

    [Fact]
    public Task Service_manager_of_another_area_guessing_an_address_learns_nothing() =>
        CheckAsync("sm.b", opens: w => [w.AdultComplaintB], refused: w => [w.AdultComplaintA, w.ComplimentA], home: "Unassigned");

    [Fact]
    public Task Communications_team_opens_mp_enquiries_only() =>
        CheckAsync("communications", opens: w => [w.MpEnquiryA], refused: w => [w.AdultComplaintA, w.SubjectAccessRequestA], home: "Unassigned");

    [Fact]
    public Task Information_rights_team_opens_subject_access_requests_only() =>
        CheckAsync("information.rights", opens: w => [w.SubjectAccessRequestA], refused: w => [w.AdultComplaintA, w.MpEnquiryA], home: "Unassigned");

    [Fact]
    public Task Board_reader_reaches_no_case_and_no_queue() =>
        CheckAsync("board", opens: _ => [], refused: w => [w.AdultComplaintA, w.ComplimentA], home: "reports only", extraRefused: ["/staff/queues/mine", "/staff/search", "/staff/admin/service-accounts", "/staff/audit/access-log"]);

    [Fact]
    public Task Administrator_manages_service_accounts_but_reaches_no_case_content() =>
        CheckAsync("admin", opens: _ => [], refused: w => [w.AdultComplaintA, w.SubjectAccessRequestA], home: "does not include case content",
            extraRefused: ["/staff/queues/mine", "/staff/search"], extraAllowed: ["/staff/admin/service-accounts", "/staff/audit/access-log", "/staff/email/failed"]);

    private async Task CheckAsync(string login, Func<WorkspaceWorld, Case[]> opens, Func<WorkspaceWorld, Case[]> refused, string home,
        string[]? extraRefused = null, string[]? extraAllowed = null)
    {
        await chromium.WithPageAsync(async page =>
        {
            await SignInAsync(page, login);
            Assert.Contains(home, await page.InnerTextAsync("main"), StringComparison.Ordinal);

            foreach (var @case in opens(app.World))
            {
                var response = await page.GotoAsync(app.Url($"/staff/cases/{@case.Id}").ToString());
                Assert.Equal(200, response!.Status);
                Assert.Equal(@case.Reference, await page.InnerTextAsync("h1"));
            }

            foreach (var @case in refused(app.World))
            {
                var response = await page.GotoAsync(app.Url($"/staff/cases/{@case.Id}").ToString());
                var main = await page.InnerTextAsync("main");
                Assert.True(response!.Status is 404 or 403, $"{login} reached {@case.Reference}: {response.Status}");
                Assert.Contains(response.Status == 404 ? "Page not found" : "You do not have access", main, StringComparison.Ordinal);
                Assert.DoesNotContain(@case.Reference, await page.ContentAsync(), StringComparison.Ordinal);
                Assert.DoesNotContain(@case.Person.FullName, await page.ContentAsync(), StringComparison.Ordinal);
            }

            foreach (var path in extraRefused ?? [])
            {
                var response = await page.GotoAsync(app.Url(path).ToString());
                Assert.True(response!.Status is 403 or 404, $"{login} reached {path}: {response.Status}");
            }

            foreach (var path in extraAllowed ?? [])
            {
                var response = await page.GotoAsync(app.Url(path).ToString());
                Assert.Equal(200, response!.Status);
            }
        });
    }

    private async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync(app.Url("/staff/sign-in").ToString());
        await page.FillAsync("#Email", $"{login}@{WorkspaceWorld.EmailDomain}");
        await page.FillAsync("#Password", WorkspaceWorld.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(app.Url("/staff").ToString());
    }
}
