using Heard.Application.Identity;
using Heard.Testing;
using Microsoft.Playwright;

namespace Heard.Browser.Tests.Journeys;

/// <summary>The administrator's calendar page in Chromium: accessible, and a change shows in the history.</summary>
public sealed class CalendarPageTests(HeardAppServer app, Chromium chromium)
    : IClassFixture<HeardAppServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task An_administrator_closes_a_day_and_the_page_stays_accessible_with_and_without_errors()
    {
        var admin = await StaffAccounts.CreateAsync(app.Services, Roles.Administrator, name: "Ada Admin");

        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url("/staff/admin/calendar").ToString());
            await page.GetByLabel("Email address").FillAsync(admin.Email!);
            await page.GetByLabel("Password").FillAsync(StaffAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Working calendar" })).ToBeVisibleAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Change the calendar" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Textbox, new() { Name = "Day", Exact = true }).FillAsync("7");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Month", Exact = true }).FillAsync("1");
            await page.Locator("#Date_Year").FillAsync("2033");
            await page.GetByLabel("The service is closed").CheckAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Systems upgrade");
            await page.GetByLabel("Reason for the change").FillAsync("Case management system offline");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change the calendar" }).ClickAsync();

            await Assertions.Expect(page.GetByText("Calendar changed.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Closed: Systems upgrade" })).ToBeVisibleAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }
}
