using System.Text.RegularExpressions;
using Heard.Application.Identity;
using Heard.Testing;
using Microsoft.Playwright;

namespace Heard.Browser.Tests.Journeys;

/// <summary>
/// A member of the public makes a complaint in Chromium; a member of staff signs in and finds it in the queue.
/// Every page on the way is scanned with axe for WCAG 2.2 A and AA problems.
/// </summary>
public sealed partial class ComplaintJourneyTests(HeardAppServer app, Chromium chromium)
    : IClassFixture<HeardAppServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_complaint_made_in_the_browser_is_found_by_staff_in_the_new_complaints_queue()
    {
        var officer = await StaffAccounts.CreateAsync(app.Services, Roles.ComplaintsTeam, name: "Morgan Test");
        string reference = "";

        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url("/").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Make a complaint" }).ClickAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GetByLabel("Full name").FillAsync("Grace Okafor");
            await page.GetByLabel("A parent").CheckAsync();
            await page.GetByLabel("Email address (optional)").FillAsync("grace@example.com");
            await page.GetByLabel("Email", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Private law").CheckAsync();
            await page.GetByLabel("Issue 1").FillAsync("The adviser spoke over me and did not write down what I said.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add another issue" }).ClickAsync();
            await page.GetByLabel("Issue 2").FillAsync("I was sent the report the evening before the hearing.");
            await page.GetByLabel("What would you like to happen?").FillAsync("An apology and time to respond to reports.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before sending your complaint" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("I was sent the report the evening before the hearing.")).ToBeVisibleAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send complaint" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Complaint sent" })).ToBeVisibleAsync();
            reference = ReferencePattern().Match(await page.Locator(".govuk-panel__body").InnerTextAsync()).Value;
            Assert.Matches(ReferencePattern(), reference);
            Assert.DoesNotContain(reference, page.Url, StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });

        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url("/staff/queues/new").ToString());
            await page.GetByLabel("Email address").FillAsync(officer.Email!);
            await page.GetByLabel("Password").FillAsync(StaffAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New complaints" })).ToBeVisibleAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = reference })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Grace Okafor")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Received by online form")).ToBeVisibleAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }

    [Fact]
    public async Task The_form_with_errors_is_accessible_and_the_summary_links_reach_their_fields()
    {
        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url("/complain").ToString());
            await page.GetByLabel("Full name").FillAsync("Kept Name");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            var summary = page.Locator(".govuk-error-summary");
            await Assertions.Expect(summary).ToBeVisibleAsync();
            await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
            await Assertions.Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Kept Name");
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await summary.GetByRole(AriaRole.Link, new() { Name = "Tell us what went wrong" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Issue 1")).ToBeFocusedAsync();
        });
    }

    [Fact]
    public async Task Pressing_enter_in_a_field_continues_rather_than_removing_an_issue()
    {
        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url("/complain").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Add another issue" }).ClickAsync();
            await page.GetByLabel("Issue 1").FillAsync("First issue");
            await page.GetByLabel("Issue 2").FillAsync("Second issue");

            await page.GetByLabel("Full name").PressAsync("Enter");

            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("Issue 2")).ToHaveValueAsync("Second issue");
        });
    }

    [GeneratedRegex("CMP-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex ReferencePattern();
}
