using Heard.Application.Data;
using Heard.Application.Equality;
using Heard.Application.Identity;
using Heard.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Heard.Browser.Tests.Equality;

/// <summary>The public equality questions and the equality report in Chromium, scanned with axe.</summary>
public sealed class EqualityPagesBrowserTests(HeardAppServer app, Chromium chromium)
    : IClassFixture<HeardAppServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_equality_questions_on_the_adult_and_childrens_forms_are_accessible_and_optional()
    {
        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url("/complain").ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Equality questions (optional)" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "What is your ethnic group?" }).GetByLabel("Prefer not to say").CheckAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);

            // Continue with nothing else answered: the errors come back and the equality answer is still chosen.
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).Last.ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "What is your ethnic group?" }).GetByLabel("Prefer not to say")).ToBeCheckedAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GotoAsync(app.Url("/tell-us").ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Are you a girl or a boy?" })).ToBeVisibleAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }

    [Fact]
    public async Task The_equality_report_with_suppressed_counts_and_its_refused_period_are_accessible()
    {
        var board = await StaffAccounts.CreateAsync(app.Services, Roles.BoardReader, name: "Bea Board");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            var region = new Heard.Application.Organisation.Region { Id = Guid.CreateVersion7(), Name = "Browser test region" };
            var area = Guid.CreateVersion7();
            db.Regions.Add(region);
            db.ServiceAreas.Add(new Heard.Application.Organisation.ServiceArea { Id = area, Code = "BTA01", Name = "Browser test area", RegionId = region.Id });
            foreach (var (code, count) in new[] { ("white", 30), ("black", 3), ("asian", 11) })
            {
                for (var i = 0; i < count; i++)
                {
                    db.EqualityResponses.Add(new EqualityResponse { Id = Guid.NewGuid(), Source = EqualitySource.AdultComplaint, ReceivedMonth = new DateOnly(2023, 5, 1), Ethnicity = code, Sex = "female" });
                    db.ServedPeople.Add(new ServedPerson { Id = Guid.NewGuid(), CourtCaseNumber = $"BT23P{code}{i}", ServiceAreaId = area, LawType = Heard.Domain.Cases.LawType.Private, StartedOn = new DateOnly(2023, 1, 1), Ethnicity = code, Sex = "male" });
                }
            }

            await db.SaveChangesAsync();
        }

        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url("/staff/reports/equality?from=2023-04-01&to=2023-06-30").ToString());
            await page.GetByLabel("Email address").FillAsync(board.Email!);
            await page.GetByLabel("Password").FillAsync(StaffAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Equality monitoring: Q1 2023\u201324" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Ethnic group: share of complainants" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "fewer than 5" }).First).ToBeVisibleAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);

            await page.GetByLabel("To").FillAsync("2023-03-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The end date must be the same as or after the start date.");
            await AccessibilityScan.AssertNoViolationsAsync(page);
        });
    }
}
