using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Application.Records;
using Heard.Domain.Cases;
using Heard.Domain.Records;

namespace Heard.Application.Compliments;

/// <summary>A compliment as a person (or a member of staff on their behalf) gives it.</summary>
public sealed class ComplimentSubmission
{
    public Audience Audience { get; set; } = Audience.Adult;

    /// <summary>Optional: a compliment can be anonymous.</summary>
    public string? FullName { get; set; }
    public string? Email { get; set; }
    public ComplainantRole? Role { get; set; }

    /// <summary>The member of staff or team the person wants to thank, as they put it.</summary>
    public string? StaffName { get; set; }
    public Guid? ServiceAreaId { get; set; }
    public string? Text { get; set; }

    /// <summary>Staff only: the member of staff in the directory.</summary>
    public Guid? StaffMemberId { get; set; }

    /// <summary>The optional equality answers; stored apart from the compliment (see <c>EqualityMonitoring</c>).</summary>
    public Equality.EqualityAnswers? Equality { get; set; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        var child = Audience == Audience.Child;
        RecordCases.Require(errors, Text, nameof(Text), child ? "Tell us what you want to say" : "Enter your compliment");
        RecordCases.Limit(errors, Text, Limits.LongText, nameof(Text), "Your compliment");
        RecordCases.Limit(errors, FullName, Limits.Name, nameof(FullName), "Your name");
        RecordCases.Limit(errors, StaffName, Limits.Name, nameof(StaffName), "The name of the person or team");
        RecordCases.Limit(errors, Email, Limits.Email, nameof(Email), "Email address");
        if (!string.IsNullOrWhiteSpace(Email) && !RecordCases.LooksLikeEmail(Email))
        {
            errors.Add(new FieldError(nameof(Email), "Enter an email address in the correct format, like name@example.com"));
        }

        return errors;
    }
}

/// <summary>
/// Turns a compliment into a case (reference, history, area), saved before any confirmation is shown; a submission
/// key makes a re-posted form a no-op. API endpoints call <see cref="SubmitAsync"/> as the pages do.
/// </summary>
public sealed class ComplimentIntake(HeardDbContext db, CaseHistory history, Deadlines.CaseDeadlines deadlines, Microsoft.Extensions.Options.IOptions<RecordTimescales> timescales, TimeProvider clock)
{
    public async Task<IntakeResult> SubmitAsync(
        ComplimentSubmission submission,
        Channel channel,
        Actor actor,
        string idempotencyKey,
        DateOnly? receivedOn = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (await RecordCases.FindByKeyAsync(db, idempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.DateOf(now);
        var errors = submission.Validate().ToList();
        RecordCases.NotFuture(errors, receivedOn, today, "receivedOn", "The date it was received");
        var staff = submission.StaffMemberId is { } staffId ? await db.Users.FindAsync([staffId], cancellationToken) : null;
        if (submission.StaffMemberId is not null && staff is null)
        {
            errors.Add(new FieldError(nameof(submission.StaffMemberId), "Select a member of staff from the list"));
        }

        RecordCases.ThrowIfAny(errors);

        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Reference = await RecordCases.NewReferenceAsync(db, CaseType.Compliment, cancellationToken),
            Type = CaseType.Compliment,
            Audience = submission.Audience,
            Channel = channel,
            ReceivedAt = now,
            ReceivedOn = receivedOn ?? today,
            State = RecordStates.ComplimentReceived,
            IdempotencyKey = idempotencyKey,
            ServiceAreaId = staff?.ServiceAreaId ?? submission.ServiceAreaId,
            TeamId = staff?.TeamId,
            PractitionerId = staff?.Id,
            PractitionerName = RecordCases.Tidy(submission.StaffName) ?? staff?.DisplayName,
            Person = new Person
            {
                FullName = RecordCases.Tidy(submission.FullName) ?? "",
                Role = submission.Audience == Audience.Child ? ComplainantRole.Child : submission.Role ?? ComplainantRole.Other,
                Email = RecordCases.Tidy(submission.Email),
                ContactPreference = ContactPreference.Email,
            },
            UpdatedAt = now,
        };
        db.Cases.Add(@case);
        db.Compliments.Add(new Compliment
        {
            CaseId = @case.Id,
            Text = submission.Text!.Trim(),
            StaffNameGiven = RecordCases.Tidy(submission.StaffName),
            StaffMemberId = staff?.Id,
        });
        history.Record(@case, actor, "received", $"Compliment received by {channel.Describe()}", toState: @case.State,
            data: new { channel = channel.ToString(), receivedOn = @case.ReceivedOn });
        await deadlines.SetAsync(@case, RecordDeadlineKinds.ComplimentPassOn, Domain.Calendar.DeadlineRule.Parse(timescales.Value.ComplimentPassOn), @case.ReceivedOn, actor, cancellationToken);
        Equality.EqualityMonitoring.Add(db, Equality.EqualitySource.Compliment, submission.Equality, @case.ReceivedOn, @case.ServiceAreaId);
        return await RecordCases.SaveNewAsync(db, @case, cancellationToken);
    }
}
