using System.Net;
using System.Text.RegularExpressions;
using Heard.Application.Data;
using Heard.Domain.Cases;
using Heard.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Web.Tests.Complain;

/// <summary>The public "make a complaint" form over HTTP: validation, nothing lost, escaping, anti-forgery, one case per submit.</summary>
public sealed partial class ComplaintFormTests(HeardAppFactory app) : IClassFixture<HeardAppFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static List<KeyValuePair<string, string>> ValidAnswers(string key, string name = "Sam Taylor") =>
    [
        new("Form.SubmissionKey", key),
        new("Form.FullName", name),
        new("Form.Role", "Parent"),
        new("Form.Email", "sam.taylor@example.com"),
        new("Form.ContactPreference", "Email"),
        new("Form.Issues[0]", "The adviser did not listen to what my son said."),
        new("Form.OutcomeWanted", "An apology and my son's views shared with the court."),
    ];

    [Fact]
    public async Task Empty_form_shows_the_error_summary_with_each_problem_linked_to_its_field()
    {
        using var client = Client();
        var token = await Forms.TokenForAsync(client, "/complain");

        using var response = await Forms.PostAsync(client, "/complain?handler=Check", [new("Form.SubmissionKey", "k1")], token);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.StartsWith("Error: ", TitleOf(html), StringComparison.Ordinal);
        foreach (var field in new[] { "Form_FullName", "Form_Role", "Form_Email", "Form_Issues_0_", "Form_OutcomeWanted" })
        {
            Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{field}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_error_keeps_everything_the_person_typed()
    {
        using var client = Client();
        var token = await Forms.TokenForAsync(client, "/complain");
        var answers = ValidAnswers("k2");
        answers.RemoveAll(a => a.Key == "Form.OutcomeWanted");
        answers.Add(new("Form.Issues[1]", "Nobody called me back after I left three messages."));
        answers.Add(new("Form.Phone", "07700 900123"));

        using var response = await Forms.PostAsync(client, "/complain?handler=Check", answers, token);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Tell us what you would like to happen", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Sam Taylor\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"07700 900123\"", html, StringComparison.Ordinal);
        Assert.Contains("The adviser did not listen to what my son said.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("Nobody called me back after I left three messages.</textarea>", html, StringComparison.Ordinal);
        Assert.Matches("value=\"Parent\" checked", html);
    }

    [Fact]
    public async Task Text_over_the_limit_is_refused_with_a_message_and_kept_whole()
    {
        using var client = Client();
        var token = await Forms.TokenForAsync(client, "/complain");
        var tooLong = new string('a', Limits.IssueDescription) + "END";
        var answers = ValidAnswers("k3");
        answers.RemoveAll(a => a.Key == "Form.Issues[0]");
        answers.Add(new("Form.Issues[0]", tooLong));

        using var response = await Forms.PostAsync(client, "/complain?handler=Check", answers, token);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Issue 1 must be 5,000 characters or fewer", html, StringComparison.Ordinal);
        Assert.Contains(tooLong + "</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Check your answers", TitleOf(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_typed_into_a_field_is_shown_as_text()
    {
        using var client = Client();
        var token = await Forms.TokenForAsync(client, "/complain");
        var answers = ValidAnswers("k4", name: "<script>alert('x')</script>Sam");

        using var response = await Forms.PostAsync(client, "/complain?handler=Check", answers, token);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Check your answers", TitleOf(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;Sam", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        using var client = Client();
        await Forms.TokenForAsync(client, "/complain");

        using var response = await Forms.PostAsync(client, "/complain?handler=Send", ValidAnswers("k5"), token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CasesWithKeyAsync("web:k5"));
    }

    [Fact]
    public async Task A_post_with_a_wrong_anti_forgery_token_is_refused()
    {
        using var client = Client();
        await Forms.TokenForAsync(client, "/complain");

        using var response = await Forms.PostAsync(client, "/complain?handler=Send", ValidAnswers("k6"), token: "CfDJ8-forged-token");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CasesWithKeyAsync("web:k6"));
    }

    [Fact]
    public async Task Sending_stores_the_case_before_the_confirmation_shows_its_reference()
    {
        using var client = Client();
        var token = await Forms.TokenForAsync(client, "/complain");

        using var sent = await Forms.PostAsync(client, "/complain?handler=Send", ValidAnswers("k7"), token);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/complain/confirmation", sent.Headers.Location?.OriginalString);
        var stored = await StoredAsync("web:k7");
        Assert.Equal(CaseType.Complaint, stored.Type);
        Assert.Equal(Channel.Web, stored.Channel);
        Assert.Single(stored.Events, e => e.Kind == "received");

        using var confirmation = await client.GetAsync(new Uri("/complain/confirmation", UriKind.Relative));
        var html = await confirmation.Content.ReadAsStringAsync();
        Assert.Contains(stored.Reference, html, StringComparison.Ordinal);
        Assert.Matches(ReferencePattern(), stored.Reference);
        Assert.Contains("What happens next", html, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Reference, confirmation.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_the_same_submission_twice_makes_one_case()
    {
        using var client = Client();
        var token = await Forms.TokenForAsync(client, "/complain");

        using var first = await Forms.PostAsync(client, "/complain?handler=Send", ValidAnswers("k8"), token);
        using var second = await Forms.PostAsync(client, "/complain?handler=Send", ValidAnswers("k8"), token);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await CasesWithKeyAsync("web:k8"));
    }

    [Fact]
    public async Task A_double_click_racing_two_identical_submits_makes_one_case()
    {
        using var client = Client();
        var token = await Forms.TokenForAsync(client, "/complain");

        var posts = Enumerable.Range(0, 4).Select(_ => Forms.PostAsync(client, "/complain?handler=Send", ValidAnswers("k9"), token)).ToList();
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await CasesWithKeyAsync("web:k9"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_confirmation_without_a_submission_goes_back_to_the_form()
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri("/complain/confirmation", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/complain", response.Headers.Location?.OriginalString);
    }

    private async Task<int> CasesWithKeyAsync(string key)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        return await db.Cases.CountAsync(c => c.IdempotencyKey == key);
    }

    private async Task<Application.Cases.Case> StoredAsync(string key)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var stored = await db.Cases.AsNoTracking().Include(c => c.Issues).SingleAsync(c => c.IdempotencyKey == key);
        stored.Events.AddRange(await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == stored.Id).ToListAsync());
        return stored;
    }

    private static string TitleOf(string html) => WebUtility.HtmlDecode(TitlePattern().Match(html).Groups[1].Value);

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex("^CMP-[0-9A-Z]{4}-[0-9A-Z]{4}$")]
    private static partial Regex ReferencePattern();
}
