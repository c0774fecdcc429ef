using Heard.Testing;
using Microsoft.Playwright;

namespace Heard.Browser.Tests.Workspace;

// The workspace's pages in a real browser, each scanned with axe-core (WCAG 2.2 AA): queues, the case page and its
// assignment, restriction and tracking pages, search, the access log, failed emails, service accounts, and the
// public journey from a complaint to its tracking page.
public sealed class WorkspaceJourneyTests(WorkspaceServer app, Chromium chromium) : IClassFixture<WorkspaceServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Complaints_officer_assigns_restricts_and_tracks_a_case_on_accessible_pages()
    {
        var target = app.World.AdultComplaintB;
        await chromium.WithPageAsync(async page =>
        {
            await SignInAsync(page, "complaints");
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GotoAsync(app.Url("/staff/queues/unassigned?type=Complaint&sort=Received&desc=true").ToString());
            Assert.Contains(target.Reference, await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GotoAsync(app.Url($"/staff/cases/{target.Id}").ToString());
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.ClickAsync("a:has-text('Assign')");
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.SelectOptionAsync("#PersonId", new SelectOptionValue { Label = "Drew Second – Complaints and correspondence team" });
            await page.SelectOptionAsync("#TeamId", new SelectOptionValue { Label = "Complaints and correspondence" });
            await page.ClickAsync("button:has-text('Save')");
            Assert.Contains("Assigned to Drew Second (Complaints and correspondence)", await page.InnerTextAsync("main"), StringComparison.Ordinal);

            await page.ClickAsync("a:has-text('Change who can see this case')");
            await page.ClickAsync("button:has-text('Restrict this case')");
            Assert.Contains("Enter why this case must be restricted", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.FillAsync("#Reason", "It concerns a manager in the area.");
            await page.ClickAsync("button:has-text('Restrict this case')");
            Assert.Contains("Casey Officer", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GotoAsync(app.Url($"/staff/cases/{target.Id}/tracking").ToString());
            await page.ClickAsync("button:has-text('Give a new tracking link')");
            var link = (await page.InnerTextAsync(".govuk-panel__body")).Trim();
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GotoAsync(link.Replace("http://localhost:5080/", app.RootUri.ToString(), StringComparison.Ordinal));
            Assert.Contains(target.Reference, await page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.DoesNotContain("Holloway", await page.ContentAsync(), StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GotoAsync(app.Url("/staff/search").ToString());
            await page.FillAsync("#Query", "Bernard Holloway");
            await page.ClickAsync("button:has-text('Search')");
            Assert.Contains(target.Reference, await page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.DoesNotContain("Holloway", page.Url, StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GotoAsync(app.Url($"/staff/audit/access-log?case={target.Id}").ToString());
            Assert.Contains("Casey Officer", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GotoAsync(app.Url("/staff/email/failed").ToString());
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }

    [Fact]
    public async Task Administrator_makes_a_service_account_and_sees_its_key_once_on_an_accessible_page()
    {
        await chromium.WithPageAsync(async page =>
        {
            await SignInAsync(page, "admin");
            await page.GotoAsync(app.Url("/staff/admin/service-accounts").ToString());
            await page.ClickAsync("button:has-text('Make the account')");
            Assert.Contains("Enter a name for the service account", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.FillAsync("#Name", "Phone line logging");
            await page.CheckAsync("#Role");
            await page.ClickAsync("button:has-text('Make the account')");
            var key = await page.InnerTextAsync(".govuk-panel__body code");
            Assert.StartsWith("heard_", key, StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.ReloadAsync();
            Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_person_who_complains_online_gets_a_tracking_link_that_shows_their_complaint()
    {
        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url("/complain").ToString());
            await page.FillAsync("#Form_FullName", "Ursula Penhaligon");
            await page.CheckAsync("#Form_Role");
            await page.FillAsync("#Form_Email", "ursula@example.com");
            await page.FillAsync("#Form_Issues_0_", "Nobody told me the hearing had moved.");
            await page.FillAsync("#Form_OutcomeWanted", "An explanation");
            await page.ClickAsync("button.govuk-button:has-text('Continue')");
            await page.ClickAsync("button:has-text('Send complaint')");
            await page.WaitForURLAsync(app.Url("/complain/confirmation").ToString());
            var tracking = page.Locator("a[href*='/track/']");
            var href = await tracking.GetAttributeAsync("href");
            Assert.NotNull(href);
            Assert.DoesNotContain("/track/", page.Url, StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await tracking.ClickAsync();
            Assert.Contains("Your complaint", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            Assert.Contains("Received", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.DoesNotContain("Ursula", await page.ContentAsync(), StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GotoAsync(app.Url("/track/this-is-not-a-link-we-gave").ToString());
            Assert.Contains("This tracking link does not work", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GotoAsync(app.Url("/track").ToString());
            await AccessibilityScan.AssertNoViolationsAsync(page);
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
