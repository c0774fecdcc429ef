using Heard.Browser.Tests.Workspace;
using Heard.Testing;
using Microsoft.Playwright;

namespace Heard.Browser.Tests.Reports;

// The performance report in a real browser: choosing a period, the report with its charts and tables, the records
// behind a figure, and the board paper, each scanned with axe (WCAG 2.2 AA).
public sealed class ReportBrowserTests(WorkspaceServer app, Chromium chromium) : IClassFixture<WorkspaceServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_complaints_officer_chooses_a_quarter_reads_the_report_and_follows_a_figure_to_its_records_with_no_accessibility_violations()
    {
        await chromium.WithPageAsync(async page =>
        {
            await SignInAsync(page, "complaints");
            await page.GotoAsync(app.Url("/staff/reports").ToString());
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.SelectOptionAsync("#QuarterYear", "2025");
            await page.SelectOptionAsync("#Quarter", "4");
            await page.ClickAsync("button:has-text('Show the quarter')");
            await page.WaitForURLAsync(url => url.Contains("/staff/reports/board", StringComparison.Ordinal));
            Assert.Equal("Q4 2025\u201326", await page.InnerTextAsync("h1"));
            Assert.Equal(2, await page.Locator("svg[role=img]").CountAsync());
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.ClickAsync("#table-volumes a[href*='figure=adult-complaints']");
            await page.WaitForURLAsync(url => url.Contains("/staff/reports/records", StringComparison.Ordinal));
            Assert.Contains(app.World.AdultComplaintA.Reference, await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GotoAsync(app.Url("/staff/reports/paper?from=2026-01-01&to=2026-03-31").ToString());
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }

    [Fact]
    public async Task A_refused_custom_period_shows_the_error_summary_linked_to_the_field_with_no_accessibility_violations()
    {
        await chromium.WithPageAsync(async page =>
        {
            await SignInAsync(page, "board");
            await page.GotoAsync(app.Url("/staff/reports").ToString());
            await page.FillAsync("#From", "1");
            await page.FillAsync("#From_Month", "4");
            await page.FillAsync("#From_Year", "2024");
            await page.FillAsync("#To", "31");
            await page.FillAsync("#To_Month", "3");
            await page.FillAsync("#To_Year", "2024");
            await page.ClickAsync("button:has-text('Show the dates')");

            Assert.Contains("The end date must be the same as or after the start date.", await page.InnerTextAsync(".govuk-error-summary"), StringComparison.Ordinal);
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
