using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Heard.Application.Access;
using Heard.Application.Api;
using Heard.Application.Compliments;
using Heard.Application.Data;
using Heard.Application.Feedback;
using Heard.Application.Intake;
using Heard.Application.SubjectAccess;
using Heard.Domain.Cases;
using Heard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Api;

/// <summary>What a submission made: the new (or earlier) case.</summary>
public sealed record SubmissionResult(Guid Id, string Reference, string Status);

/// <summary>What a feedback submission made: the response's id and whether it carried a known tag.</summary>
public sealed record FeedbackSubmissionResult(Guid Id, bool Tagged);

/// <summary>A page of case statuses.</summary>
public sealed record CaseStatusPage(IReadOnlyList<CaseStatus> Items, int Page, int PageSize, int Total);

/// <summary>
/// Heard's JSON API, version 1, for other channels and systems. Every route needs a service account's key and sees
/// only what its role and area allow. Submissions take an Idempotency-Key; adding one for another record type is
/// one <see cref="MapSubmit{TRequest}"/> call with a request type and a function that hands it to its intake.
/// </summary>
public static class ApiEndpoints
{
    public const string Policy = "Api";
    public const int MaxBodyBytes = 256 * 1024;

    public static readonly JsonSerializerOptions Json = CreateJson();

    public static void MapHeardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy).WithTags("Heard API");

        api.MapSubmit<ComplaintRequest>("/complaints", "SubmitComplaint", "Submit a complaint", async (request, context, cancellationToken) =>
        {
            var intake = context.RequestServices.GetRequiredService<ComplaintIntake>();
            var (submission, errors) = await request.ToSubmissionAsync(context.RequestServices.GetRequiredService<HeardDbContext>(), cancellationToken);
            if (errors.Count > 0)
            {
                var today = UkTime.Today(context.RequestServices.GetRequiredService<TimeProvider>());
                throw new ValidationFailedException([.. errors, .. submission.Validate(today)]);
            }

            var viewer = await context.RequestServices.GetRequiredService<CurrentViewer>().GetAsync(cancellationToken);
            var result = await intake.SubmitAsync(submission, request.Channel ?? Channel.Api, viewer.ToActor(), SubmitContext.IntakeKey(context), request.ReceivedOn, cancellationToken);
            return (result.CaseId, result.Reference);
        });

        api.MapSubmit<ComplimentRequest>("/compliments", "SubmitCompliment", "Submit a compliment", async (request, context, cancellationToken) =>
        {
            var (submission, errors) = await request.ToSubmissionAsync(context.RequestServices.GetRequiredService<HeardDbContext>(), cancellationToken);
            if (errors.Count > 0)
            {
                throw new ValidationFailedException([.. errors, .. submission.Validate()]);
            }

            var viewer = await context.RequestServices.GetRequiredService<CurrentViewer>().GetAsync(cancellationToken);
            var result = await context.RequestServices.GetRequiredService<ComplimentIntake>()
                .SubmitAsync(submission, request.Channel ?? Channel.Api, viewer.ToActor(), SubmitContext.IntakeKey(context), request.ReceivedOn, cancellationToken);
            return (result.CaseId, result.Reference);
        });

        api.MapSubmit<SubjectAccessRequestRequest>("/subject-access-requests", "SubmitSubjectAccessRequest", "Submit a subject access request", async (request, context, cancellationToken) =>
        {
            var viewer = await context.RequestServices.GetRequiredService<CurrentViewer>().GetAsync(cancellationToken);
            var result = await context.RequestServices.GetRequiredService<SarIntake>()
                .SubmitAsync(request.ToSubmission(), request.Channel ?? Channel.Api, viewer.ToActor(), SubmitContext.IntakeKey(context), request.ReceivedOn, cancellationToken);
            return (result.CaseId, result.Reference);
        });

        api.MapPost("/feedback", SubmitFeedbackAsync)
            .WithName("SubmitFeedback")
            .WithSummary("Submit a feedback response (not a case: answers are kept with the survey; a tag that is unknown is kept as untagged)")
            .Accepts<FeedbackRequest>("application/json")
            .Produces<FeedbackSubmissionResult>(StatusCodes.Status201Created)
            .Produces<FeedbackSubmissionResult>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/cases/{id:guid}", async (Guid id, HttpContext context, CurrentViewer current, CaseStatuses statuses, CancellationToken cancellationToken) =>
        {
            var viewer = await current.GetAsync(cancellationToken);
            if (!CaseAccessRules.WorksWithCases(viewer))
            {
                return Forbidden(context);
            }

            var status = await statuses.FindAsync(viewer, id, cancellationToken);
            return status is null
                ? ApiProblems.Result(context, StatusCodes.Status404NotFound, "No such case", "There is no case with this id that your service account may see.")
                : Results.Json(status, Json);
        })
        .WithName("GetCaseStatus")
        .WithSummary("Read a case's status")
        .Produces<CaseStatus>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/cases", async (string? changedSince, int? page, int? pageSize, HttpContext context, CurrentViewer current, CaseStatuses statuses, CancellationToken cancellationToken) =>
        {
            var viewer = await current.GetAsync(cancellationToken);
            if (!CaseAccessRules.WorksWithCases(viewer))
            {
                return Forbidden(context);
            }

            if (!DateTimeOffset.TryParse(changedSince, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
            {
                return ApiProblems.Result(context, StatusCodes.Status400BadRequest, "The request is not valid",
                    "changedSince must be a date and time, such as 2026-01-31T09:00:00Z.",
                    new Dictionary<string, string[]> { ["changedSince"] = ["Enter a date and time in ISO 8601 format, such as 2026-01-31T09:00:00Z"] });
            }

            var result = await statuses.ChangedSinceAsync(viewer, since.UtcDateTime, page ?? 1, pageSize ?? CaseStatuses.MaxPageSize, cancellationToken);
            return Results.Json(new CaseStatusPage(result.Items, result.PageNumber, result.PageSize, result.Total), Json);
        })
        .WithName("ListChangedCases")
        .WithSummary("List the cases changed since a time")
        .Produces<CaseStatusPage>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// A submit endpoint: key and role checked, Idempotency-Key required, the body read and refused with the field
    /// named if it is malformed, rule breaks returned as 422 with every field named, a repeat answered with the
    /// first result. <paramref name="submit"/> returns the case it made.
    /// </summary>
    public static RouteHandlerBuilder MapSubmit<TRequest>(this RouteGroupBuilder group, string pattern, string name, string summary,
        Func<TRequest, HttpContext, CancellationToken, Task<(Guid CaseId, string Reference)>> submit)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.MapPost(pattern, (HttpContext context, CancellationToken cancellationToken) => SubmitAsync(context, submit, cancellationToken))
            .WithName(name)
            .WithSummary(summary)
            .Accepts<TRequest>("application/json")
            .Produces<SubmissionResult>(StatusCodes.Status201Created)
            .Produces<SubmissionResult>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> SubmitAsync<TRequest>(HttpContext context, Func<TRequest, HttpContext, CancellationToken, Task<(Guid CaseId, string Reference)>> submit, CancellationToken cancellationToken)
        where TRequest : class
    {
        var (refusal, accountId, key, body) = await ReadSubmissionAsync(context, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var idempotency = context.RequestServices.GetRequiredService<ApiIdempotency>();
        var earlier = await idempotency.FindAsync(accountId, key, hash, cancellationToken);
        if (earlier is not null)
        {
            if (!earlier.SameRequest)
            {
                return KeyReused(context);
            }

            context.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Json(new SubmissionResult(earlier.CaseId, earlier.Reference, $"/api/v1/cases/{earlier.CaseId}"), Json, statusCode: StatusCodes.Status200OK);
        }

        var (request, unreadable) = Deserialize<TRequest>(context, body);
        if (unreadable is not null)
        {
            return unreadable;
        }

        context.Items[SubmitContext.KeyItem] = ApiIdempotency.IntakeKey(accountId, key);
        try
        {
            var (caseId, reference) = await submit(request!, context, cancellationToken);
            await idempotency.RecordAsync(accountId, key, hash, caseId, cancellationToken);
            var location = $"/api/v1/cases/{caseId}";
            return Results.Json(new SubmissionResult(caseId, reference, location), Json, statusCode: StatusCodes.Status201Created);
        }
        catch (ValidationFailedException invalid)
        {
            return RuleBroken(context, invalid);
        }
    }

    /// <summary>The same Idempotency-Key sent with a different body: refused, nothing made.</summary>
    private static IResult KeyReused(HttpContext context) =>
        ApiProblems.Result(context, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for a different request",
            "Each submission needs its own Idempotency-Key; reuse a key only to send exactly the same request again.",
            new Dictionary<string, string[]> { ["Idempotency-Key"] = ["Use a new Idempotency-Key for a different submission"] });

    /// <summary>
    /// A feedback response is not a case, so it has no case status to read back. The survey's own submission key
    /// (namespaced by service account) makes a repeat a no-op that answers with the first response's id; the hash
    /// of the body kept with the response refuses the same key with a different body, as for cases.
    /// </summary>
    private static async Task<IResult> SubmitFeedbackAsync(HttpContext context, FeedbackIntake intake, CancellationToken cancellationToken)
    {
        var (refusal, accountId, key, body) = await ReadSubmissionAsync(context, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (request, unreadable) = Deserialize<FeedbackRequest>(context, body);
        if (unreadable is not null)
        {
            return unreadable;
        }

        try
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
            var result = await intake.SubmitFromApiAsync(request!.ToSubmission(), ApiIdempotency.IntakeKey(accountId, key), hash, cancellationToken);
            if (!result.SameRequest)
            {
                return KeyReused(context);
            }

            if (!result.Created)
            {
                context.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return Results.Json(new FeedbackSubmissionResult(result.Id, result.Tagged), Json,
                statusCode: result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }
        catch (ValidationFailedException invalid)
        {
            return RuleBroken(context, invalid);
        }
    }

    /// <summary>What every submission needs before its body is read: a service account allowed to submit, an Idempotency-Key, a body of a sensible size.</summary>
    private static async Task<(IResult? Refusal, Guid AccountId, string Key, string Body)> ReadSubmissionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var viewer = await context.RequestServices.GetRequiredService<CurrentViewer>().GetAsync(cancellationToken);
        if (viewer.ServiceAccountId is not { } accountId || !CaseAccessRules.WorksWithCases(viewer))
        {
            return (Forbidden(context), default, "", "");
        }

        var key = context.Request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length is 0 or > ApiIdempotency.MaxKeyLength)
        {
            return (ApiProblems.Result(context, StatusCodes.Status400BadRequest, "An Idempotency-Key header is needed",
                $"Send a unique Idempotency-Key header (up to {ApiIdempotency.MaxKeyLength} characters) with every submission, and the same one if you send it again.",
                new Dictionary<string, string[]> { ["Idempotency-Key"] = [key.Length == 0 ? "Add an Idempotency-Key header" : $"The Idempotency-Key must be {ApiIdempotency.MaxKeyLength} characters or fewer"] }), accountId, key, "");
        }

        var body = await ReadBodyAsync(context, cancellationToken);
        if (body is null)
        {
            return (ApiProblems.Result(context, StatusCodes.Status413PayloadTooLarge, "The request is too large", $"Send at most {MaxBodyBytes / 1024} KB."), accountId, key, "");
        }

        return (null, accountId, key, body);
    }

    private static (TRequest? Request, IResult? Refusal) Deserialize<TRequest>(HttpContext context, string body)
        where TRequest : class
    {
        TRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<TRequest>(body, Json);
        }
        catch (JsonException invalid)
        {
            var field = FieldOf(invalid.Path);
            return (null, ApiProblems.Result(context, StatusCodes.Status400BadRequest, "The request body is not valid JSON for this request",
                field is null ? "The body could not be read as JSON." : $"The value of '{field}' is not of the right kind.",
                new Dictionary<string, string[]> { [field ?? "body"] = [field is null ? "Send a JSON object" : $"'{field}' has a value of the wrong type or format"] }));
        }

        return request is null
            ? (null, ApiProblems.Result(context, StatusCodes.Status400BadRequest, "The request body is empty", "Send a JSON object.",
                new Dictionary<string, string[]> { ["body"] = ["Send a JSON object"] }))
            : (request, null);
    }

    private static IResult RuleBroken(HttpContext context, ValidationFailedException invalid)
    {
        var errors = invalid.Errors
            .GroupBy(e => JsonName(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return ApiProblems.Result(context, StatusCodes.Status422UnprocessableEntity, "The submission breaks a rule",
            "Correct the fields named in 'errors' and send it again with the same Idempotency-Key.", errors);
    }

    private static async Task<string?> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        var read = 0;
        int n;
        while ((n = await reader.ReadAsync(buffer.AsMemory(read, buffer.Length - read), cancellationToken)) > 0)
        {
            read += n;
            if (read > MaxBodyBytes)
            {
                return null;
            }
        }

        return new string(buffer, 0, read);
    }

    /// <summary>"$.issues[1]" → "issues[1]"; "$" or nothing → null.</summary>
    private static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The application's field names (FullName, Issues[0]) as the API spells them (fullName, issues[0]).</summary>
    private static string JsonName(string field) =>
        string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];

    private static IResult Forbidden(HttpContext context) =>
        ApiProblems.Result(context, StatusCodes.Status403Forbidden, "Your service account cannot do this",
            "The role of this service account does not include this request.");

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        return options;
    }
}

/// <summary>What a submit function needs from the request beyond its body.</summary>
public static class SubmitContext
{
    internal const string KeyItem = "heard:intake-key";

    /// <summary>The idempotency key to hand to the intake service, namespaced by service account.</summary>
    public static string IntakeKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (string)context.Items[KeyItem]!;
    }
}

/// <summary>A complaint as another system sends it. Field names and rules are the public form's.</summary>
public sealed class ComplaintRequest
{
    public Audience Audience { get; set; } = Audience.Adult;
    public string? FullName { get; set; }
    public ComplainantRole? Role { get; set; }
    public string? OnBehalfOf { get; set; }
    public bool ConsentConfirmed { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public ContactPreference? ContactPreference { get; set; }
    public string? CourtCaseNumber { get; set; }
    public LawType? LawType { get; set; }

    /// <summary>The service area's code, such as OSA03.</summary>
    public string? ServiceAreaCode { get; set; }
    public string? PractitionerName { get; set; }
    public DateOnly? InvolvementEndedOn { get; set; }
    public IList<string> Issues { get; init; } = [];
    public string? OutcomeWanted { get; set; }
    public string? Adjustments { get; set; }

    /// <summary>How it first reached the other system (phone, letter, email, inPerson, web); "api" if not given.</summary>
    public Channel? Channel { get; set; }

    /// <summary>The day it was received, if not today (it starts the clock).</summary>
    public DateOnly? ReceivedOn { get; set; }

    internal async Task<(ComplaintSubmission Submission, IReadOnlyList<FieldError> Errors)> ToSubmissionAsync(HeardDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var areaId = await ServiceAreaCodes.FindAsync(db, ServiceAreaCode, errors, cancellationToken);

        var submission = new ComplaintSubmission
        {
            Audience = Audience,
            FullName = FullName,
            Role = Role,
            OnBehalfOf = OnBehalfOf,
            ConsentConfirmed = ConsentConfirmed,
            Email = Email,
            Phone = Phone,
            Address = Address,
            ContactPreference = ContactPreference,
            CourtCaseNumber = CourtCaseNumber,
            LawType = LawType,
            ServiceAreaId = areaId,
            PractitionerName = PractitionerName,
            InvolvementEndedOn = InvolvementEndedOn,
            Issues = Issues,
            OutcomeWanted = OutcomeWanted,
            Adjustments = Adjustments,
        };
        return (submission, errors);
    }
}
