using Heard.Application.Data;
using Heard.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Heard.Browser.Tests.Learning;

/// <summary>The app on 127.0.0.1 with the workspace world, its area A adult complaint closed with a learning point.</summary>
public sealed class LearningServer : HeardAppServer
{
    public WorkspaceWorld World { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        Settings["Heard:DemoData:Enabled"] = "false";
        await base.InitializeAsync();
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        World = await WorkspaceWorld.CreateAsync(db, new DateOnly(2026, 3, 2));
        await LearningWorld.PrepareAsync(db, World);
    }
}

// The learning pages in a real browser, each scanned with axe-core (WCAG 2.2 AA): the action form with its errors,
// the case page's learning actions, marking an action done, the learning panel, the children's review and themes.
public sealed class LearningJourneyTests(LearningServer app, Chromium chromium) : IClassFixture<LearningServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Complaints_officer_sets_and_completes_a_learning_action_and_the_panel_counts_it_on_accessible_pages()
    {
        var target = app.World.AdultComplaintA;
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await chromium.WithPageAsync(async page =>
        {
            await SignInAsync(page, "complaints");
            await page.GotoAsync(app.Url($"/staff/cases/{target.Id}").ToString());
            await page.ClickAsync("a:has-text('Add a learning action')");
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.FillAsync("#Description", "Share the learning about recording views with the team.");
            await page.ClickAsync("button:has-text('Add learning action')");
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select who will do it");
            await Assertions.Expect(page.Locator("#Description")).ToHaveValueAsync("Share the learning about recording views with the team.");
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.SelectOptionAsync("#OwnerId", app.World.ServiceManagerA.Id.ToString());
            await page.FillAsync("#DueOn", due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.FillAsync("#DueOn_Month", due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.FillAsync("#DueOn_Year", due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.CheckAsync("input[name='Level'][value='Team']");
            await page.SelectOptionAsync("#TeamId", app.World.TeamA.Id.ToString());
            await page.SelectOptionAsync("#ThemeCode", "not-listened-to");
            await page.ClickAsync("button:has-text('Add learning action')");
            await Assertions.Expect(page.Locator("#learning-actions + table")).ToContainTextAsync("Share the learning about recording views with the team.");
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.ClickAsync("a:has-text('Mark done or cancel')");
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.FillAsync("#Evidence", "Team meeting minutes, item 3.");
            await page.ClickAsync("button:has-text('Mark as done')");
            await Assertions.Expect(page.Locator("#learning-actions + table")).ToContainTextAsync("Evidence: Team meeting minutes, item 3.");

            await page.GotoAsync(app.Url("/staff/learning").ToString());
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("National learning panel");
            var teamRow = page.Locator("table", new() { HasText = "Learning actions by how far they are cascaded" }).Locator("tr:has(th:text-is('Team')) td");
            await Assertions.Expect(teamRow).ToHaveTextAsync(["0", "0", "1"]);
            await Assertions.Expect(page.Locator("svg.heard-chart").First).ToBeVisibleAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GotoAsync(app.Url("/staff/learning/childrens-review?year=2025").ToString());
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }

    [Fact]
    public async Task Administrator_retires_a_theme_on_an_accessible_page()
    {
        await chromium.WithPageAsync(async page =>
        {
            await SignInAsync(page, "admin");
            await page.GotoAsync(app.Url("/staff/admin/themes").ToString());
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.ClickAsync("button:has-text('Retire Bias and fairness')");

            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Theme retired");
            await Assertions.Expect(page.Locator("tr", new() { HasText = "Feeling the practitioner took sides" })).ToContainTextAsync("Retired");
            await Assertions.Expect(page.Locator("table", new() { HasText = "Who" })).ToContainTextAsync("Retired “Bias and fairness”");
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
