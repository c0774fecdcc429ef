using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Demo;
using Heard.Application.Feedback;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Heard.Browser.Tests.Records;

public sealed class RecordsBrowserTests(DemoAppServer app, Chromium chromium) : IClassFixture<DemoAppServer>, IClassFixture<Chromium>
{
    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<FeedbackLink> NewLinkAsync(string survey) => WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<HeardDbContext>();
        var team = await db.Teams.AsNoTracking().Where(t => t.ServiceAreaId != null).OrderBy(t => t.Name).FirstAsync();
        return await s.GetRequiredService<FeedbackLinks>().GetOrCreateAsync(team.ServiceAreaId, team.Id, FeedbackStage.AfterTheReport, survey, Actor.System);
    });

    [Fact]
    public async Task Feedback_through_the_qr_short_link_is_stored_with_its_tag()
    {
        var link = await NewLinkAsync(SurveyCatalogue.Adult);

        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url($"/f/{link.Code.ToLowerInvariant()}").ToString());
            Assert.EndsWith($"/feedback/{link.Code}", page.Url, StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Radio, new() { Name = "Very good" }).CheckAsync();
            await page.GetByLabel("What did we do well? (optional)").FillAsync("Explained what would happen next.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your feedback" }).WaitForAsync();
        });

        var stored = await WithServicesAsync(s => s.GetRequiredService<HeardDbContext>().FeedbackResponses.AsNoTracking().Include(r => r.Answers)
            .SingleAsync(r => r.LinkCode == link.Code));
        Assert.Equal(FeedbackSource.Letter, stored.Source);
        Assert.Equal(link.ServiceAreaId, stored.ServiceAreaId);
        Assert.Equal(link.TeamId, stored.TeamId);
        Assert.Equal(FeedbackStage.AfterTheReport, stored.Stage);
        Assert.Equal(5, stored.Score);
        Assert.Contains(stored.Answers, a => a.QuestionKey == "went-well" && a.Text == "Explained what would happen next.");
        Assert.Null(stored.ContactEmail);
    }

    [Fact]
    public async Task Childrens_survey_from_a_letter_shows_faces_and_passes_an_accessibility_scan()
    {
        var link = await NewLinkAsync(SurveyCatalogue.Child);

        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url($"/feedback/{link.Code}").ToString());
            await AccessibilityScan.AssertNoViolationsAsync(page);
            Assert.Equal(10, await page.Locator("img.heard-face").CountAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
            await page.GetByText("Choose the face that fits best").First.WaitForAsync();
            await AccessibilityScan.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Radio, new() { Name = "Really happy" }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your feedback" }).WaitForAsync();
        });

        var stored = await WithServicesAsync(s => s.GetRequiredService<HeardDbContext>().FeedbackResponses.AsNoTracking().SingleAsync(r => r.LinkCode == link.Code));
        Assert.Equal(Audience.Child, stored.Audience);
        Assert.Equal(5, stored.Score);
    }

    [Theory]
    [InlineData("/compliment")]
    [InlineData("/feedback")]
    [InlineData("/feedback?for=adults")]
    [InlineData("/feedback/NOTATAG1?for=children")]
    [InlineData("/your-data")]
    public async Task Public_record_pages_have_no_accessibility_violations_blank_or_with_errors(string path)
    {
        await chromium.WithPageAsync(async page =>
        {
            await page.GotoAsync(app.Url(path).ToString());
            await AccessibilityScan.AssertNoViolationsAsync(page);
            var submit = page.Locator("main button[type=submit]").Last;
            if (await submit.CountAsync() > 0)
            {
                await submit.ClickAsync();
                await page.Locator(".govuk-error-summary").WaitForAsync();
                await AccessibilityScan.AssertNoViolationsAsync(page);
            }
        });
    }

    [Fact]
    public async Task Staff_record_pages_have_no_accessibility_violations()
    {
        var ids = await WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<HeardDbContext>();
            async Task<Guid> Open(CaseType type) => await db.Cases.Where(c => c.Type == type && c.ClosedAt == null).OrderBy(c => c.ReceivedAt).Select(c => c.Id).FirstAsync();
            return new[] { await Open(CaseType.Compliment), await Open(CaseType.MpEnquiry), await Open(CaseType.OmbudsmanCase), await Open(CaseType.SubjectAccessRequest) };
        });
        // Each team's pages, opened by a member of that team (least privilege: no one account reaches them all).
        (string Account, string[] Pages)[] byTeam =
        [
            ($"complaints@{DemoData.EmailDomain}",
            [
                "/staff/records", "/staff/queues/compliments", "/staff/queues/ombudsman", "/staff/notifications",
                "/staff/feedback/links", "/staff/feedback/audit", "/staff/feedback/theming", "/staff/compliments/log", "/staff/ombudsman/log",
                $"/staff/compliments/{ids[0]}", $"/staff/ombudsman/{ids[2]}", $"/staff/cases/{ids[0]}", $"/staff/cases/{ids[2]}",
            ]),
            ($"communications@{DemoData.EmailDomain}", ["/staff/queues/mp-enquiries", "/staff/mp-enquiries/log", $"/staff/mp-enquiries/{ids[1]}", $"/staff/cases/{ids[1]}"]),
            ($"information.rights@{DemoData.EmailDomain}", ["/staff/queues/subject-access", "/staff/subject-access/log", $"/staff/subject-access/{ids[3]}", $"/staff/cases/{ids[3]}"]),
        ];

        foreach (var (account, pages) in byTeam)
        {
            await chromium.WithPageAsync(async page =>
            {
                await page.GotoAsync(app.Url("/staff/sign-in").ToString());
                await page.GetByLabel("Email address").FillAsync(account);
                await page.GetByLabel("Password").FillAsync(DemoData.Password);
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                await page.WaitForURLAsync(url => url.EndsWith("/staff", StringComparison.Ordinal));
                foreach (var path in pages)
                {
                    var response = await page.GotoAsync(app.Url(path).ToString());
                    Assert.True(response?.Ok, $"{path} answered {response?.Status} for {account}");
                    await AccessibilityScan.AssertNoViolationsAsync(page);
                }
            });
        }
    }
}
