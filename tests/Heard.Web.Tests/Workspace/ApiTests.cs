using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Heard.Application.Data;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Web.Tests.Workspace;

// The JSON API: keys, scope, idempotency keys and RFC 9457 problem documents.
public sealed class ApiTests(WorkspaceApp app) : IClassFixture<WorkspaceApp>
{
    private const string ValidComplaint = """
        {
          "fullName": "Olive Tremaine",
          "role": "parent",
          "email": "olive.t@example.com",
          "issues": ["The report was sent to the wrong court."],
          "outcomeWanted": "An apology",
          "channel": "phone",
          "serviceAreaCode": "TSA01"
        }
        """;

    [Fact]
    public async Task A_call_without_a_key_gets_401_with_a_problem_document()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/v1/cases/{app.World.AdultComplaintA.Id}", UriKind.Relative));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_call_with_an_unknown_key_gets_401()
    {
        using var client = Client("heard_this-is-not-a-key-anyone-was-given");

        using var response = await client.GetAsync(new Uri($"/api/v1/cases/{app.World.AdultComplaintA.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_board_reader_account_gets_403_for_any_case()
    {
        using var client = Client(app.BoardKey);

        using var response = await client.GetAsync(new Uri($"/api/v1/cases/{app.World.AdultComplaintA.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_area_account_reading_another_areas_case_gets_404_and_nothing_about_it()
    {
        using var client = Client(app.AreaBKey);

        using var other = await client.GetAsync(new Uri($"/api/v1/cases/{app.World.AdultComplaintA.Id}", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri($"/api/v1/cases/{Guid.NewGuid()}", UriKind.Relative));
        using var own = await client.GetAsync(new Uri($"/api/v1/cases/{app.World.AdultComplaintB.Id}", UriKind.Relative));
        var otherBody = await other.Content.ReadAsStringAsync();
        var otherProblem = JsonSerializer.Deserialize<JsonElement>(otherBody);
        var unknownProblem = await ProblemAsync(unknown);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // Exactly what a case that does not exist gets: nothing says this one does.
        Assert.Equal(unknownProblem.GetProperty("title").GetString(), otherProblem.GetProperty("title").GetString());
        Assert.Equal(unknownProblem.GetProperty("detail").GetString(), otherProblem.GetProperty("detail").GetString());
        Assert.DoesNotContain(app.World.AdultComplaintA.Reference, otherBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var status = await own.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(app.World.AdultComplaintB.Reference, status.GetProperty("reference").GetString());
        Assert.False(status.TryGetProperty("person", out _), "a status carries nothing about the person");
    }

    [Fact]
    public async Task Submitting_a_complaint_makes_one_case_however_often_it_is_sent_with_the_same_key()
    {
        using var client = Client(app.ComplaintsKey);
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, "/api/v1/complaints", ValidComplaint, key);
        using var again = await PostAsync(client, "/api/v1/complaints", ValidComplaint, key);
        using var changed = await PostAsync(client, "/api/v1/complaints", ValidComplaint.Replace("Olive", "Oliver", StringComparison.Ordinal), key);
        var made = await first.Content.ReadFromJsonAsync<JsonElement>();
        var replayed = await again.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(made.GetProperty("id").GetGuid(), replayed.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.True((await ProblemAsync(changed)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var cases = await db.Cases.Where(c => c.Person.FullName == "Olive Tremaine").ToListAsync();
        var @case = Assert.Single(cases);
        Assert.Equal(Channel.Phone, @case.Channel);
        Assert.Equal(app.World.AreaA.Id, @case.ServiceAreaId);
    }

    [Fact]
    public async Task A_submission_without_an_idempotency_key_is_refused_naming_the_header()
    {
        using var client = Client(app.ComplaintsKey);

        using var response = await PostAsync(client, "/api/v1/complaints", ValidComplaint, key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Theory]
    [InlineData("""{ "fullName": "A", "lawType": "sideways" }""", "lawType")]
    [InlineData("""{ "fullName": "A", "issues": "not a list" }""", "issues")]
    [InlineData("""{ "fullName": "A", "involvementEndedOn": "last spring" }""", "involvementEndedOn")]
    [InlineData("""{ "fullName": "A", "favouriteColour": "blue" }""", "favouriteColour")]
    public async Task A_malformed_body_gets_a_problem_document_naming_the_field(string body, string field)
    {
        using var client = Client(app.ComplaintsKey);

        using var response = await PostAsync(client, "/api/v1/complaints", body, Guid.NewGuid().ToString());
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_submission_that_breaks_the_rules_gets_422_naming_every_field()
    {
        using var client = Client(app.ComplaintsKey);

        using var response = await PostAsync(client, "/api/v1/complaints", """{ "email": "not-an-email", "serviceAreaCode": "NOPE" }""", Guid.NewGuid().ToString());
        var errors = (await ProblemAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(errors.TryGetProperty("fullName", out _));
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("issues[0]", out _));
        Assert.True(errors.TryGetProperty("serviceAreaCode", out _));
    }

    [Fact]
    public async Task Cases_changed_since_a_time_are_only_those_the_account_may_see()
    {
        using var complaints = Client(app.ComplaintsKey);
        using var areaB = Client(app.AreaBKey);

        var all = await complaints.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/cases?changedSince=2026-01-01T00:00:00Z", UriKind.Relative));
        var area = await areaB.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/cases?changedSince=2026-01-01T00:00:00Z", UriKind.Relative));
        using var bad = await areaB.GetAsync(new Uri("/api/v1/cases?changedSince=yesterday", UriKind.Relative));

        var references = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()).ToList();
        Assert.Contains(app.World.AdultComplaintA.Reference, references);
        Assert.DoesNotContain(app.World.MpEnquiryA.Reference, references);
        Assert.DoesNotContain(app.World.RestrictedComplaintA.Reference, references);
        Assert.Equal([app.World.AdultComplaintB.Reference], area.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await ProblemAsync(bad)).GetProperty("errors").TryGetProperty("changedSince", out _));
    }

    [Fact]
    public async Task Reading_a_status_through_the_api_is_written_to_the_access_log()
    {
        using var client = Client(app.ComplaintsKey);

        using var response = await client.GetAsync(new Uri($"/api/v1/cases/{app.World.OmbudsmanCaseA.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var logged = await db.CaseAccessLogs.SingleAsync(l => l.CaseId == app.World.OmbudsmanCaseA.Id);
        Assert.Equal("api-status", logged.Via);
        Assert.NotNull(logged.ServiceAccountId);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/complaints", out var complaints));
        Assert.True(complaints.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/compliments", out _));
        Assert.True(paths.TryGetProperty("/api/v1/subject-access-requests", out _));
        Assert.True(paths.TryGetProperty("/api/v1/feedback", out _));
        Assert.True(paths.TryGetProperty("/api/v1/cases/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/cases", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Submitting_a_compliment_makes_one_compliment_case_in_its_area()
    {
        using var client = Client(app.ComplaintsKey);
        var key = Guid.NewGuid().ToString();
        const string body = """{ "fullName": "Ravi Compliment", "email": "ravi@example.com", "staffName": "Jo in the Leeds team", "serviceAreaCode": "TSA01", "text": "Jo listened to my son." }""";

        using var first = await PostAsync(client, "/api/v1/compliments", body, key);
        using var again = await PostAsync(client, "/api/v1/compliments", body, key);
        var made = await first.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var @case = Assert.Single(await db.Cases.Where(c => c.Person.FullName == "Ravi Compliment").ToListAsync());
        Assert.Equal(made.GetProperty("id").GetGuid(), @case.Id);
        Assert.Equal(CaseType.Compliment, @case.Type);
        Assert.Equal(Channel.Api, @case.Channel);
        Assert.Equal(app.World.AreaA.Id, @case.ServiceAreaId);
    }

    [Fact]
    public async Task A_compliment_with_no_text_and_an_unknown_area_is_refused_naming_both_fields()
    {
        using var client = Client(app.ComplaintsKey);

        using var response = await PostAsync(client, "/api/v1/compliments", """{ "fullName": "Nobody", "serviceAreaCode": "NOPE" }""", Guid.NewGuid().ToString());
        var errors = (await ProblemAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(errors.TryGetProperty("text", out _));
        Assert.True(errors.TryGetProperty("serviceAreaCode", out _));
    }

    [Fact]
    public async Task Submitting_a_subject_access_request_makes_a_request_waiting_for_identity_with_no_due_date()
    {
        using var client = Client(app.ComplaintsKey);
        const string body = """{ "requesterName": "Dana Request", "requesterEmail": "dana@example.com", "relationship": "self", "requestDetails": "Everything you hold about me." }""";

        using var response = await PostAsync(client, "/api/v1/subject-access-requests", body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var @case = Assert.Single(await db.Cases.Where(c => c.Person.FullName == "Dana Request").ToListAsync());
        Assert.Equal(CaseType.SubjectAccessRequest, @case.Type);
        Assert.False(await db.CaseDeadlines.AnyAsync(d => d.CaseId == @case.Id), "the statutory clock starts when identity is confirmed, not when the API is called");
    }

    [Fact]
    public async Task Submitting_feedback_keeps_one_response_and_an_unknown_tag_is_kept_untagged()
    {
        using var client = Client(app.ComplaintsKey);
        var key = Guid.NewGuid().ToString();
        const string body = """{ "surveyCode": "adult", "tag": "not-a-real-tag", "answers": { "overall": { "score": 4 }, "went-well": { "text": "Kind and clear." } } }""";

        using var first = await PostAsync(client, "/api/v1/feedback", body, key);
        using var again = await PostAsync(client, "/api/v1/feedback", body, key);
        var made = await first.Content.ReadFromJsonAsync<JsonElement>();
        var replayed = await again.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(made.GetProperty("id").GetGuid(), replayed.GetProperty("id").GetGuid());
        Assert.False(made.GetProperty("tagged").GetBoolean());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var stored = await db.FeedbackResponses.AsNoTracking().SingleAsync(r => r.Id == made.GetProperty("id").GetGuid());
        Assert.Equal(4, stored.Score);
        Assert.Null(stored.LinkCode);
    }

    [Fact]
    public async Task Feedback_sent_again_with_the_same_key_and_a_different_body_is_refused_and_changes_nothing()
    {
        using var client = Client(app.ComplaintsKey);
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, "/api/v1/feedback", """{ "surveyCode": "adult", "answers": { "overall": { "score": 2 } } }""", key);
        using var other = await PostAsync(client, "/api/v1/feedback", """{ "surveyCode": "adult", "answers": { "overall": { "score": 5 } } }""", key);
        var problem = await other.Content.ReadFromJsonAsync<JsonElement>();
        var made = await first.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("This Idempotency-Key was used for a different request", problem.GetProperty("title").GetString());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        Assert.Equal(2, (await db.FeedbackResponses.AsNoTracking().SingleAsync(r => r.Id == made.GetProperty("id").GetGuid())).Score);
    }

    [Fact]
    public async Task Feedback_without_its_required_score_is_refused_and_the_board_account_may_not_submit()
    {
        using var complaints = Client(app.ComplaintsKey);
        using var board = Client(app.BoardKey);
        const string body = """{ "surveyCode": "adult", "answers": {} }""";

        using var missing = await PostAsync(complaints, "/api/v1/feedback", body, Guid.NewGuid().ToString());
        using var forbidden = await PostAsync(board, "/api/v1/feedback", """{ "surveyCode": "adult", "answers": { "overall": { "score": 5 } } }""", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.True((await ProblemAsync(missing)).GetProperty("errors").TryGetProperty("answers[overall]", out _));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private HttpClient Client(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
}
