using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Intake;

/// <summary>
/// What became of a submission: the case it made, or the case an earlier identical submission made, with the dates
/// its procedure promises (acknowledgement, response and, for a child, first contact), keyed by deadline kind.
/// </summary>
public sealed record IntakeResult(Guid CaseId, string Reference, bool Created, IReadOnlyDictionary<string, DateOnly>? DueDates = null)
{
    public DateOnly? DueOn(string kind) => DueDates is not null && DueDates.TryGetValue(kind, out var due) ? due : null;
}

/// <summary>
/// Turns a complaint submission into a case. The case follows the procedure in force for its audience on the day
/// it was received (it keeps that version for life), and the dates that procedure promises are set through the
/// deadline engine. The case, its first events and its deadlines are saved in one transaction before the caller
/// shows any confirmation, and a submission key makes a re-posted or double-clicked submit a no-op.
/// </summary>
public sealed class ComplaintIntake(
    HeardDbContext db,
    CaseHistory history,
    Procedure.PolicyCatalogue policies,
    Deadlines.CaseDeadlines deadlines,
    TimeProvider clock)
{
    public const string InitialState = Domain.Procedure.ComplaintStates.Received;

    public async Task<IntakeResult> SubmitAsync(
        ComplaintSubmission submission,
        Channel channel,
        Actor actor,
        string idempotencyKey,
        DateOnly? receivedOn = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);

        var earlier = await FindByKeyAsync(idempotencyKey, cancellationToken);
        if (earlier is not null)
        {
            return earlier;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.DateOf(now);
        var errors = submission.Validate(today).ToList();
        if (receivedOn is { } given && given > today)
        {
            errors.Add(new FieldError(nameof(receivedOn), "The date it was received must be today or in the past"));
        }

        var day = receivedOn ?? today;
        var policy = errors.Count == 0 ? await policies.ForReceiptAsync(submission.Audience, day, cancellationToken) : null;
        if (errors.Count == 0 && policy is null)
        {
            errors.Add(new FieldError(nameof(receivedOn), await policies.NoneCoversAsync(submission.Audience, day, cancellationToken)));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Reference = await NewReferenceAsync(CaseType.Complaint, cancellationToken),
            Type = CaseType.Complaint,
            Audience = submission.Audience,
            Channel = channel,
            ReceivedAt = now,
            ReceivedOn = day,
            State = InitialState,
            PolicyCode = policy!.Key,
            IdempotencyKey = idempotencyKey,
            Person = new Person
            {
                FullName = submission.FullName!.Trim(),
                Role = submission.Audience == Audience.Child ? ComplainantRole.Child : submission.Role ?? ComplainantRole.Other,
                Email = Tidy(submission.Email),
                Phone = Tidy(submission.Phone),
                Address = Tidy(submission.Address),
                ContactPreference = submission.ContactPreference ?? InferPreference(submission),
                OnBehalfOf = submission.Role == ComplainantRole.Representative ? Tidy(submission.OnBehalfOf) : null,
                ConsentConfirmed = submission.Role == ComplainantRole.Representative && submission.ConsentConfirmed,
                HelpedBy = submission.Audience == Audience.Child ? Tidy(submission.HelpedBy) : null,
            },
            CourtCaseNumber = Tidy(submission.CourtCaseNumber)?.ToUpperInvariant(),
            LawType = submission.LawType,
            ServiceAreaId = submission.ServiceAreaId,
            PractitionerName = Tidy(submission.PractitionerName),
            InvolvementEndedOn = submission.InvolvementEndedOn,
            OutcomeWanted = Tidy(submission.OutcomeWanted),
            Adjustments = Tidy(submission.Adjustments),
            UpdatedAt = now,
        };

        var number = 1;
        foreach (var issue in submission.Issues.Where(i => !string.IsNullOrWhiteSpace(i)))
        {
            @case.Issues.Add(new ComplaintIssue { Id = Guid.CreateVersion7(), CaseId = @case.Id, Number = number++, Description = issue.Trim() });
        }

        await LinkCourtCaseAsync(@case, cancellationToken);
        db.Cases.Add(@case);
        history.Record(
            @case,
            actor,
            "received",
            $"Received by {channel.Describe()}",
            toState: InitialState,
            data: new { channel = channel.ToString(), receivedOn = @case.ReceivedOn, issues = @case.Issues.Count, policy = policy.Key });
        db.ComplaintProgress.Add(new Procedure.ComplaintProgress { CaseId = @case.Id });
        var due = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var promise in policy.Deadlines.Where(d => d.StartsAtReceipt))
        {
            var set = await deadlines.SetAsync(@case, promise.Kind, promise.Rule, @case.ReceivedOn, actor, cancellationToken);
            due[promise.Kind] = set.DueOn;
        }

        Equality.EqualityMonitoring.Add(
            db,
            submission.Audience == Audience.Child ? Equality.EqualitySource.ChildComplaint : Equality.EqualitySource.AdultComplaint,
            submission.Equality,
            @case.ReceivedOn,
            @case.ServiceAreaId,
            @case.LawType);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two submits with the same key raced: the unique index let one through; answer with that one.
            db.ChangeTracker.Clear();
            var winner = await FindByKeyAsync(idempotencyKey, cancellationToken);
            if (winner is not null)
            {
                return winner;
            }

            throw;
        }

        return new IntakeResult(@case.Id, @case.Reference, Created: true, due);
    }

    private async Task<IntakeResult?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.IdempotencyKey == key)
            .Select(c => new { c.Id, c.Reference })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var due = await db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == found.Id).ToDictionaryAsync(d => d.Kind, d => d.DueOn, cancellationToken);
        return new IntakeResult(found.Id, found.Reference, false, due);
    }

    /// <summary>Links the case to a known family court case, which tells us its area, law type and practitioner.</summary>
    private async Task LinkCourtCaseAsync(Case @case, CancellationToken cancellationToken)
    {
        if (@case.CourtCaseNumber is null)
        {
            return;
        }

        var court = await db.FamilyCourtCases.FirstOrDefaultAsync(f => f.CaseNumber == @case.CourtCaseNumber, cancellationToken);
        if (court is null)
        {
            return;
        }

        @case.FamilyCourtCaseId = court.Id;
        @case.ServiceAreaId ??= court.ServiceAreaId;
        @case.LawType ??= court.LawType;
        @case.PractitionerId ??= court.PractitionerId;
        @case.InvolvementEndedOn ??= court.InvolvementEndedOn;
    }

    private async Task<string> NewReferenceAsync(CaseType type, CancellationToken cancellationToken)
    {
        // Collisions are vanishingly rare (32^8 references per type) but a unique index is not a user message.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = CaseReference.New(type);
            if (!await db.Cases.AnyAsync(c => c.Reference == candidate, cancellationToken))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Could not find an unused case reference.");
    }

    private static ContactPreference InferPreference(ComplaintSubmission s) =>
        !string.IsNullOrWhiteSpace(s.Email) ? ContactPreference.Email
        : !string.IsNullOrWhiteSpace(s.Phone) ? ContactPreference.Phone
        : ContactPreference.Post;

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
