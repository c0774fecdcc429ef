using System.Net;
using Heard.Application.Data;
using Heard.Application.Equality;
using Heard.Testing;
using Heard.Web.Tests.Workspace;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Web.Tests.Equality;

/// <summary>The equality questions on the public forms, the case page that never shows them, and who may read the report.</summary>
public sealed class EqualityPagesTests(WorkspaceApp app) : IClassFixture<WorkspaceApp>
{
    private const string BlackLabel = "Black, Black British, Caribbean or African";

    private HttpClient Public() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static List<KeyValuePair<string, string>> Complaint(string key) =>
    [
        new("Form.SubmissionKey", key),
        new("Form.FullName", "Jordan Equality"),
        new("Form.Role", "Parent"),
        new("Form.Email", "jordan@example.com"),
        new("Form.Issues[0]", "The adviser did not read my statement."),
        new("Form.OutcomeWanted", "An apology."),
    ];

    private static List<KeyValuePair<string, string>> WithAnswers(List<KeyValuePair<string, string>> form)
    {
        form.Add(new("Form.Equality.Ethnicity", "black"));
        form.Add(new("Form.Equality.Disability", "yes"));
        form.Add(new("Form.Equality.Sex", "prefer-not-to-say"));
        form.Add(new("Form.Equality.AgeBand", "45-54"));
        return form;
    }

    private async Task<Guid> CaseWithKeyAsync(string key)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        return await db.Cases.Where(c => c.IdempotencyKey == key).Select(c => c.Id).SingleAsync();
    }

    private async Task<int> ResponsesAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HeardDbContext>().EqualityResponses.CountAsync();
    }

    [Fact]
    public async Task The_complaint_form_asks_the_optional_questions_and_explains_they_are_kept_apart()
    {
        using var client = Public();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/complain", UriKind.Relative)));

        Assert.Contains("Equality questions (optional)", html, StringComparison.Ordinal);
        Assert.Contains("This helps us check we are fair to everyone. It is not added to your complaint and staff handling it cannot see it.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Equality.Ethnicity\" type=\"radio\" value=\"prefer-not-to-say\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Equality.AgeBand\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_elsewhere_keeps_the_equality_answers_and_check_answers_carries_them_to_send()
    {
        using var client = Public();
        var token = await Forms.TokenForAsync(client, "/complain");
        var incomplete = WithAnswers(Complaint("eq-web-1"));
        incomplete.RemoveAll(a => a.Key == "Form.OutcomeWanted");

        using var refused = await Forms.PostAsync(client, "/complain?handler=Check", incomplete, token);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        using var check = await Forms.PostAsync(client, "/complain?handler=Check", WithAnswers(Complaint("eq-web-1")), token);
        var checkHtml = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());

        Assert.Contains("value=\"black\" checked", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"45-54\" checked", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Equality.Ethnicity\" value=\"black\"", checkHtml, StringComparison.Ordinal);
        Assert.Contains(BlackLabel, checkHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_sent_with_answers_makes_one_case_and_its_page_never_shows_them()
    {
        using var client = Public();
        var token = await Forms.TokenForAsync(client, "/complain");
        var before = await ResponsesAsync();

        using var sent = await Forms.PostAsync(client, "/complain?handler=Send", WithAnswers(Complaint("eq-web-2")), token);
        var caseId = await CaseWithKeyAsync("web:eq-web-2");
        using var officer = await StaffSession.SignInAsync(app, "complaints@" + WorkspaceWorld.EmailDomain);
        using var page = await officer.GetAsync(new Uri($"/staff/cases/{caseId}", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(before + 1, await ResponsesAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Jordan Equality", html, StringComparison.Ordinal);
        Assert.DoesNotContain(BlackLabel, html, StringComparison.Ordinal);
        Assert.DoesNotContain("45 to 54", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_sent_without_answers_is_accepted_and_stores_none()
    {
        using var client = Public();
        var token = await Forms.TokenForAsync(client, "/complain");
        var before = await ResponsesAsync();

        using var sent = await Forms.PostAsync(client, "/complain?handler=Send", Complaint("eq-web-3"), token);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.NotEqual(Guid.Empty, await CaseWithKeyAsync("web:eq-web-3"));
        Assert.Equal(before, await ResponsesAsync());
    }

    [Fact]
    public async Task The_childrens_form_asks_in_plain_words_and_keeps_the_answers_apart()
    {
        using var client = Public();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/tell-us", UriKind.Relative)));
        var token = Forms.TokenIn(html);
        var key = Guid.NewGuid().ToString("N");

        using var sent = await Forms.PostAsync(client, "/tell-us",
        [
            new("Form.SubmissionKey", key),
            new("Form.FullName", "Sam"),
            new("Form.What", "Nobody listened to me."),
            new("Form.Email", "sam@example.com"),
            new("Form.Equality.Sex", "female"),
            new("Form.Equality.AgeBand", "10-15"),
        ], token);

        Assert.Contains("Are you a girl or a boy?", html, StringComparison.Ordinal);
        Assert.Contains("You can skip any question.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        Assert.True(await db.EqualityResponses.AnyAsync(r => r.Source == EqualitySource.ChildComplaint && r.Sex == "female" && r.AgeBand == "10-15"));
    }

    [Fact]
    public async Task A_compliment_can_carry_equality_answers_kept_apart_from_it()
    {
        using var client = Public();
        var html = await client.GetStringAsync(new Uri("/compliment", UriKind.Relative));
        var key = Guid.NewGuid().ToString("N");

        using var sent = await Forms.PostAsync(client, "/compliment",
        [
            new("Form.SubmissionKey", key),
            new("Form.Text", "Our adviser listened to our daughter."),
            new("Form.Equality.Ethnicity", "asian"),
            new("Form.Equality.Disability", "no"),
        ], Forms.TokenIn(html));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.NotEqual(Guid.Empty, await CaseWithKeyAsync($"web:{key}"));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        Assert.True(await db.EqualityResponses.AnyAsync(r => r.Source == EqualitySource.Compliment && r.Ethnicity == "asian" && r.Disability == "no" && r.Sex == null));
    }

    [Fact]
    public async Task Feedback_can_carry_equality_answers_kept_apart_from_it_and_the_childrens_survey_asks_in_plain_words()
    {
        using var client = Public();
        var adults = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/feedback?for=adults", UriKind.Relative)));
        var children = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/feedback?for=children", UriKind.Relative)));
        var key = Guid.NewGuid().ToString("N");

        using var sent = await Forms.PostAsync(client, "/feedback?for=adults",
        [
            new("Form.SubmissionKey", key),
            new("Form.SurveyCode", Heard.Application.Feedback.SurveyCatalogue.Adult),
            new("Form.Scores[overall]", "5"),
            new("Form.Equality.Sex", "male"),
            new("Form.Equality.AgeBand", "35-44"),
        ], Forms.TokenIn(adults));

        Assert.Contains("It is not added to your feedback and staff handling it cannot see it.", adults, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Equality.Ethnicity\"", adults, StringComparison.Ordinal);
        Assert.Contains("About you (you do not have to answer these)", children, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        Assert.True(await db.FeedbackResponses.AnyAsync(r => r.IdempotencyKey == $"web:{key}" && r.Score == 5));
        Assert.True(await db.EqualityResponses.AnyAsync(r => r.Source == EqualitySource.Feedback && r.Sex == "male" && r.AgeBand == "35-44" && r.Ethnicity == null));
    }

    [Fact]
    public async Task A_subject_access_request_can_carry_equality_answers_kept_apart_from_it()
    {
        using var client = Public();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/your-data", UriKind.Relative)));
        var key = Guid.NewGuid().ToString("N");
        var before = await ResponsesAsync();

        using var sent = await Forms.PostAsync(client, "/your-data",
        [
            new("Form.SubmissionKey", key),
            new("Form.RequesterName", "Sam Equality"),
            new("Form.RequesterEmail", "sam@example.com"),
            new("Form.Relationship", "Self"),
            new("Form.RequestDetails", "Everything you hold about me."),
            new("Form.Equality.Disability", "prefer-not-to-say"),
        ], Forms.TokenIn(html));

        Assert.Contains("It is not added to your request and staff handling it cannot see it.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.NotEqual(Guid.Empty, await CaseWithKeyAsync($"web:{key}"));
        Assert.Equal(before + 1, await ResponsesAsync());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        Assert.True(await db.EqualityResponses.AnyAsync(r => r.Source == EqualitySource.SubjectAccessRequest && r.Disability == "prefer-not-to-say"));
    }

    [Theory]
    [InlineData("board", HttpStatusCode.OK)]
    [InlineData("complaints", HttpStatusCode.OK)]
    [InlineData("children", HttpStatusCode.OK)]
    [InlineData("hop.a", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("sm.a", HttpStatusCode.Redirect)]
    [InlineData("communications", HttpStatusCode.Redirect)]
    [InlineData("information.rights", HttpStatusCode.Redirect)]
    public async Task The_report_is_for_the_board_complaints_team_childrens_manager_heads_of_practice_and_administrators(string login, HttpStatusCode expected)
    {
        using var staff = await StaffSession.SignInAsync(app, $"{login}@{WorkspaceWorld.EmailDomain}");

        using var response = await staff.GetAsync(new Uri("/staff/reports/equality?from=2025-04-01&to=2026-03-31", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Equal("/staff/access-denied", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
        }
        else
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Complaints per 1,000 served", html, StringComparison.Ordinal);
            Assert.Contains("one-sided exact Poisson test", html, StringComparison.Ordinal);
            Assert.Contains("Answers given with other forms", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_with_a_message_linked_to_the_field()
    {
        using var board = await StaffSession.SignInAsync(app, "board@" + WorkspaceWorld.EmailDomain);

        var html = WebUtility.HtmlDecode(await board.GetStringAsync(new Uri("/staff/reports/equality?from=2025-04-01&to=2025-03-01", UriKind.Relative)));
        var tooLong = WebUtility.HtmlDecode(await board.GetStringAsync(new Uri("/staff/reports/equality?from=2015-04-01&to=2025-03-31", UriKind.Relative)));

        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#to\"", html, StringComparison.Ordinal);
        Assert.Contains("The end date must be the same as or after the start date.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Complaints per 1,000 served", html, StringComparison.Ordinal);
        Assert.Contains("A report can cover at most 5 years.", tooLong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_has_a_row_per_group_with_the_suppressed_figures()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            for (var i = 0; i < 3; i++)
            {
                db.EqualityResponses.Add(new EqualityResponse { Id = Guid.NewGuid(), Source = EqualitySource.AdultComplaint, ReceivedMonth = new DateOnly(2024, 5, 1), Ethnicity = "mixed" });
            }

            for (var i = 0; i < 40; i++)
            {
                db.EqualityResponses.Add(new EqualityResponse { Id = Guid.NewGuid(), Source = EqualitySource.AdultComplaint, ReceivedMonth = new DateOnly(2024, 6, 1), Ethnicity = "white" });
            }

            // Answers given with feedback: counted in their own table, never as complainants.
            for (var i = 0; i < 6; i++)
            {
                db.EqualityResponses.Add(new EqualityResponse { Id = Guid.NewGuid(), Source = EqualitySource.Feedback, ReceivedMonth = new DateOnly(2024, 6, 1), Sex = "female" });
            }

            db.EqualityResponses.Add(new EqualityResponse { Id = Guid.NewGuid(), Source = EqualitySource.Feedback, ReceivedMonth = new DateOnly(2024, 6, 1), Sex = "male" });

            await db.SaveChangesAsync();
        }

        using var board = await StaffSession.SignInAsync(app, "board@" + WorkspaceWorld.EmailDomain);

        using var response = await board.GetAsync(new Uri("/staff/reports/equality?handler=Csv&from=2024-04-01&to=2024-06-30", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("period,characteristic,group,complainants", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Q1 2024\u201325,Ethnic group,Mixed or multiple ethnic groups,fewer than 5,,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Q1 2024\u201325,Ethnic group,White,withheld,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Q1 2024\u201325,Ethnic group,Total,43,", StringComparison.Ordinal));
        // A header, then each characteristic's groups, "not answered" and a total: 8 + 5 + 5 + 12; then the other
        // forms' header and the same rows once for each of compliments, feedback and subject access requests.
        Assert.Equal(1 + 8 + 5 + 5 + 12 + 1 + (3 * (8 + 5 + 5 + 12)), lines.Length);
        Assert.Equal("period,characteristic,group,form,people_answering", lines[31]);
        Assert.Contains("Q1 2024\u201325,Sex,Male,Feedback,fewer than 5", lines);
        Assert.Contains("Q1 2024\u201325,Sex,Female,Feedback,withheld", lines);
        Assert.Contains("Q1 2024\u201325,Sex,Total,Feedback,7", lines);
        Assert.Contains("Q1 2024\u201325,Sex,Total,Compliments,0", lines);
        Assert.Contains(lines.Take(31), l => l.StartsWith("Q1 2024\u201325,Sex,Female,0,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_administrators_can_open_the_served_people_import()
    {
        using var admin = await StaffSession.SignInAsync(app, "admin@" + WorkspaceWorld.EmailDomain);
        using var board = await StaffSession.SignInAsync(app, "board@" + WorkspaceWorld.EmailDomain);

        using var adminPage = await admin.GetAsync(new Uri("/staff/reports/equality/served", UriKind.Relative));
        using var boardPage = await board.GetAsync(new Uri("/staff/reports/equality/served", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, boardPage.StatusCode);
    }
}
