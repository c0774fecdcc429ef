using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Application.Records;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Feedback;

/// <summary>One answer as given: a score (1–5) for a score question, text for a text question.</summary>
public sealed record AnswerGiven(int? Score, string? Text);

/// <summary>A survey response as a person (or a member of staff entering an audit) gives it.</summary>
public sealed class FeedbackSubmission
{
    public string? SurveyCode { get; set; }

    /// <summary>The tag from the link, exactly as it arrived (it may be unknown or altered).</summary>
    public string? Tag { get; set; }
    public Dictionary<string, AnswerGiven> Answers { get; init; } = [];
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>The optional equality answers (public survey only); stored apart from the response (see <c>EqualityMonitoring</c>).</summary>
    public Equality.EqualityAnswers? Equality { get; set; }

    /// <summary>Audits only: where and when the feedback was gathered, and by whom.</summary>
    public Guid? ServiceAreaId { get; set; }
    public Guid? TeamId { get; set; }
    public FeedbackStage? Stage { get; set; }
    public DateOnly? GivenOn { get; set; }
}

/// <summary>
/// What became of a response: its id, whether this call made it, and whether it carries a known tag. When the key
/// had been used before, <see cref="SameRequest"/> says whether it was for the same request (as far as is known:
/// the API keeps a hash of the body; the web form's key is its own).
/// </summary>
public sealed record FeedbackResult(Guid Id, bool Created, bool Tagged, bool SameRequest = true);

/// <summary>
/// Keeps survey responses. A tag that is unknown, altered or missing never stops a response being kept: it is kept
/// untagged. A submission key makes a re-posted form a no-op.
/// </summary>
public sealed class FeedbackIntake(HeardDbContext db, FeedbackLinks links, TimeProvider clock)
{
    /// <summary>The survey to show for a link or a choice; falls back to the adult survey.</summary>
    public async Task<Survey> SurveyAsync(string? code, CancellationToken cancellationToken = default) =>
        await db.Surveys.AsNoTracking().Include(s => s.Questions.Where(q => !q.Retired).OrderBy(q => q.Number))
            .FirstOrDefaultAsync(s => s.Code == code && s.Active, cancellationToken)
        ?? await db.Surveys.AsNoTracking().Include(s => s.Questions.Where(q => !q.Retired).OrderBy(q => q.Number))
            .FirstAsync(s => s.Code == SurveyCatalogue.Adult, cancellationToken);

    /// <summary>A response from the public survey pages, through a link's tag or without one.</summary>
    public Task<FeedbackResult> SubmitAsync(FeedbackSubmission submission, string idempotencyKey, CancellationToken cancellationToken = default) =>
        SaveAsync(submission, idempotencyKey, enteredBy: null, requestHash: null, cancellationToken);

    /// <summary>
    /// A response sent through the API: as from the public pages, and the hash of the request body is kept with it,
    /// so the same key sent again with a different body is told apart from a retry.
    /// </summary>
    public Task<FeedbackResult> SubmitFromApiAsync(FeedbackSubmission submission, string idempotencyKey, string requestHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestHash);
        return SaveAsync(submission, idempotencyKey, enteredBy: null, requestHash, cancellationToken);
    }

    /// <summary>Feedback a member of staff gathered in a collaborative audit: area, team, stage and date are theirs to give.</summary>
    public Task<FeedbackResult> SubmitFromAuditAsync(FeedbackSubmission submission, Actor actor, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return SaveAsync(submission, idempotencyKey, actor.Name, requestHash: null, cancellationToken);
    }

    private Task<FeedbackResult?> EarlierAsync(string idempotencyKey, string? requestHash, CancellationToken cancellationToken) =>
        db.FeedbackResponses.AsNoTracking().Where(r => r.IdempotencyKey == idempotencyKey)
            .Select(r => new FeedbackResult(r.Id, false, r.LinkCode != null, requestHash == null || r.RequestHash == null || r.RequestHash == requestHash))
            .FirstOrDefaultAsync(cancellationToken)!;

    private async Task<FeedbackResult> SaveAsync(FeedbackSubmission submission, string idempotencyKey, string? enteredBy, string? requestHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var earlier = await EarlierAsync(idempotencyKey, requestHash, cancellationToken);
        if (earlier is not null)
        {
            return earlier;
        }

        var audit = enteredBy is not null;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.DateOf(now);
        var tag = audit ? null : await links.ResolveAsync(submission.Tag, cancellationToken);
        var survey = await SurveyAsync(submission.SurveyCode ?? tag?.SurveyCode, cancellationToken);

        var errors = new List<FieldError>();
        var response = new FeedbackResponse
        {
            Id = Guid.CreateVersion7(),
            SurveyCode = survey.Code,
            Audience = survey.Audience,
            Source = audit ? FeedbackSource.CollaborativeAudit : tag is null ? FeedbackSource.Web : FeedbackSource.Letter,
            SubmittedAt = now,
            GivenOn = audit ? submission.GivenOn ?? today : today,
            LinkCode = tag?.Code,
            ServiceAreaId = audit ? submission.ServiceAreaId : tag?.ServiceAreaId,
            TeamId = audit ? submission.TeamId : tag?.TeamId,
            Stage = audit ? submission.Stage : tag?.Stage,
            EnteredBy = enteredBy,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
        };
        if (audit)
        {
            if (submission.ServiceAreaId is null)
            {
                errors.Add(new FieldError(nameof(submission.ServiceAreaId), "Select the service area of the audit"));
            }

            if (submission.GivenOn is null)
            {
                errors.Add(new FieldError(nameof(submission.GivenOn), "Enter the date of the audit"));
            }

            RecordCases.NotFuture(errors, submission.GivenOn, today, nameof(submission.GivenOn), "The date of the audit");
        }

        foreach (var question in survey.Questions)
        {
            submission.Answers.TryGetValue(question.Key, out var given);
            var field = $"Answers[{question.Key}]";
            if (question.Kind == QuestionKind.Score)
            {
                if (given?.Score is { } score and (< 1 or > 5))
                {
                    errors.Add(new FieldError(field, "Choose one of the answers"));
                }
                else if (given?.Score is { } valid)
                {
                    response.Answers.Add(new FeedbackAnswer { ResponseId = response.Id, QuestionKey = question.Key, Score = valid });
                    if (question.Headline)
                    {
                        response.Score = valid;
                    }
                }
                else if (question.Required)
                {
                    errors.Add(new FieldError(field, survey.Faces ? "Choose the face that fits best" : "Choose an answer"));
                }
            }
            else if (RecordCases.Tidy(given?.Text) is { } text)
            {
                RecordCases.Limit(errors, text, Limits.OutcomeWanted, field, "Your answer");
                response.Answers.Add(new FeedbackAnswer { ResponseId = response.Id, QuestionKey = question.Key, Text = text });
                response.HasText = true;
            }
        }

        if (survey.AsksForContact || audit)
        {
            response.ContactName = RecordCases.Tidy(submission.ContactName);
            response.ContactEmail = RecordCases.Tidy(submission.ContactEmail);
            RecordCases.Limit(errors, response.ContactName, Limits.Name, nameof(submission.ContactName), "Your name");
            if (response.ContactEmail is not null && !RecordCases.LooksLikeEmail(response.ContactEmail))
            {
                errors.Add(new FieldError(nameof(submission.ContactEmail), "Enter an email address in the correct format, like name@example.com"));
            }
        }

        RecordCases.ThrowIfAny(errors);
        db.FeedbackResponses.Add(response);
        if (!audit)
        {
            Equality.EqualityMonitoring.Add(db, Equality.EqualitySource.Feedback, submission.Equality, response.GivenOn, response.ServiceAreaId);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await EarlierAsync(idempotencyKey, requestHash, cancellationToken);
            return winner ?? throw new InvalidOperationException("The feedback could not be saved.");
        }

        return new FeedbackResult(response.Id, true, response.LinkCode is not null);
    }
}

/// <summary>A response waiting for themes: its words and where it came from.</summary>
public sealed record ThemingItem(Guid Id, string SurveyTitle, DateOnly GivenOn, int? Score, string? ServiceArea, IReadOnlyList<(string Question, string Text)> Texts);

/// <summary>Staff theming the free text of feedback with the same taxonomy as complaints and compliments.</summary>
public sealed class FeedbackTheming(HeardDbContext db, TimeProvider clock)
{
    public Task<int> CountWaitingAsync(CancellationToken cancellationToken = default) =>
        db.FeedbackResponses.CountAsync(r => r.HasText && r.ThemedAt == null, cancellationToken);

    /// <summary>The oldest responses with free text not yet themed.</summary>
    public async Task<IReadOnlyList<ThemingItem>> WaitingAsync(int take, CancellationToken cancellationToken = default)
    {
        var responses = await db.FeedbackResponses.AsNoTracking()
            .Where(r => r.HasText && r.ThemedAt == null)
            .OrderBy(r => r.SubmittedAt)
            .Take(take)
            .Include(r => r.Answers)
            .ToListAsync(cancellationToken);
        var surveys = await db.Surveys.AsNoTracking().Include(s => s.Questions).ToDictionaryAsync(s => s.Code, cancellationToken);
        var areaIds = responses.Where(r => r.ServiceAreaId != null).Select(r => r.ServiceAreaId!.Value).Distinct().ToList();
        var areas = await db.ServiceAreas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return responses.Select(r =>
        {
            var survey = surveys[r.SurveyCode];
            var texts = r.Answers.Where(a => a.Text is not null)
                .Select(a => (Question: survey.Questions.FirstOrDefault(q => q.Key == a.QuestionKey), a.Text))
                .OrderBy(t => t.Question?.Number ?? int.MaxValue)
                .Select(t => (t.Question?.Text ?? "Comment", t.Text!))
                .ToList();
            return new ThemingItem(r.Id, survey.Title, r.GivenOn, r.Score, r.ServiceAreaId is { } a ? areas.GetValueOrDefault(a) : null, texts);
        }).ToList();
    }

    /// <summary>Records the themes of one response (none is an answer too: "no theme applies"); it leaves the queue.</summary>
    public async Task ThemeAsync(Guid responseId, IReadOnlyList<string> themeCodes, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(themeCodes);
        ArgumentNullException.ThrowIfNull(actor);
        var response = await db.FeedbackResponses.Include(r => r.Themes).FirstOrDefaultAsync(r => r.Id == responseId, cancellationToken)
            ?? throw new KeyNotFoundException($"No feedback response {responseId}.");
        var codes = themeCodes.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Themes.CountAsync(t => codes.Contains(t.Code) && t.Active, cancellationToken);
        if (known != codes.Count)
        {
            throw new ValidationFailedException([new FieldError("ThemeCodes", "Select themes from the list")]);
        }

        response.Themes.RemoveAll(t => !codes.Contains(t.ThemeCode));
        response.Themes.AddRange(codes.Where(c => response.Themes.All(t => t.ThemeCode != c))
            .Select(c => new FeedbackTheme { ResponseId = responseId, ThemeCode = c }).ToList());
        response.ThemedAt = clock.GetUtcNow().UtcDateTime;
        response.ThemedBy = actor.Name;
        await db.SaveChangesAsync(cancellationToken);
    }
}
