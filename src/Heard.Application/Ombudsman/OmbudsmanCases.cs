using System.Globalization;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Application.Records;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Ombudsman;

/// <summary>The Ombudsman's first contact about a complaint, as the complaints team logs it.</summary>
public sealed class OmbudsmanSubmission
{
    public string? ComplaintReference { get; set; }
    public string? PhsoReference { get; set; }
    public OmbudsmanStage? Stage { get; set; }
    public string? Summary { get; set; }
}

/// <summary>
/// Logs an Ombudsman (PHSO) case about a complaint: it takes the complaint's person, area and court case, and is
/// linked to it, so each shows the other.
/// </summary>
public sealed class OmbudsmanIntake(HeardDbContext db, CaseHistory history, CaseLinks links, TimeProvider clock)
{
    public async Task<IntakeResult> SubmitAsync(OmbudsmanSubmission submission, Channel channel, Actor actor, string idempotencyKey, DateOnly? receivedOn = null, CancellationToken cancellationToken = default)
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
        var errors = new List<FieldError>();
        RecordCases.Require(errors, submission.ComplaintReference, nameof(submission.ComplaintReference), "Enter the reference of the complaint the Ombudsman is looking at");
        RecordCases.Require(errors, submission.PhsoReference, nameof(submission.PhsoReference), "Enter the Ombudsman's reference");
        RecordCases.Limit(errors, submission.PhsoReference, 40, nameof(submission.PhsoReference), "The Ombudsman's reference");
        RecordCases.Limit(errors, submission.Summary, Limits.LongText, nameof(submission.Summary), "The summary");
        if (submission.Stage is null)
        {
            errors.Add(new FieldError(nameof(submission.Stage), "Select the Ombudsman's stage"));
        }

        RecordCases.NotFuture(errors, receivedOn, today, "receivedOn", "The date it was received");
        Case? complaint = null;
        if (!string.IsNullOrWhiteSpace(submission.ComplaintReference))
        {
            var reference = CaseReference.Normalise(submission.ComplaintReference);
            complaint = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == reference && c.Type == CaseType.Complaint, cancellationToken);
            if (complaint is null)
            {
                errors.Add(new FieldError(nameof(submission.ComplaintReference), $"There is no complaint with the reference {reference}"));
            }
        }

        RecordCases.ThrowIfAny(errors);
        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Reference = await RecordCases.NewReferenceAsync(db, CaseType.OmbudsmanCase, cancellationToken),
            Type = CaseType.OmbudsmanCase,
            Audience = complaint!.Audience,
            Channel = channel,
            ReceivedAt = now,
            ReceivedOn = receivedOn ?? today,
            State = StateOf(submission.Stage!.Value),
            IdempotencyKey = idempotencyKey,
            ServiceAreaId = complaint.ServiceAreaId,
            FamilyCourtCaseId = complaint.FamilyCourtCaseId,
            CourtCaseNumber = complaint.CourtCaseNumber,
            LawType = complaint.LawType,
            PractitionerId = complaint.PractitionerId,
            Person = new Person
            {
                FullName = complaint.Person.FullName,
                Role = complaint.Person.Role,
                Email = complaint.Person.Email,
                Phone = complaint.Person.Phone,
                Address = complaint.Person.Address,
                ContactPreference = complaint.Person.ContactPreference,
            },
            OutcomeWanted = RecordCases.Tidy(submission.Summary),
            UpdatedAt = now,
        };
        var phso = new OmbudsmanCase { CaseId = @case.Id, PhsoReference = submission.PhsoReference!.Trim(), Stage = submission.Stage!.Value };
        db.Cases.Add(@case);
        db.OmbudsmanCases.Add(phso);
        history.Record(@case, actor, "received", $"Ombudsman {phso.Stage.Describe().ToLowerInvariant()} received (Ombudsman reference {phso.PhsoReference})",
            toState: @case.State, data: new { channel = channel.ToString(), receivedOn = @case.ReceivedOn });
        await links.AddAsync(@case, complaint.Reference, nameof(submission.ComplaintReference), actor, cancellationToken);
        return await RecordCases.SaveNewAsync(db, @case, cancellationToken);
    }

    internal static string StateOf(OmbudsmanStage stage) => stage switch
    {
        OmbudsmanStage.Enquiry => RecordStates.OmbudsmanEnquiry,
        OmbudsmanStage.Assessment => RecordStates.OmbudsmanAssessment,
        _ => RecordStates.OmbudsmanInvestigation,
    };
}

/// <summary>
/// The complaints team's work on an Ombudsman case: its stage, the information asked for and sent, the outcome, and
/// each recommendation with its compliance date, evidence and any remedy paid. It closes itself once decided and
/// every recommendation is complied with.
/// </summary>
public sealed class OmbudsmanHandling(HeardDbContext db, CaseHistory history, TimeProvider clock)
{
    public async Task ChangeStageAsync(Guid caseId, int expectedVersion, OmbudsmanStage? stage, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, phso) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var errors = new List<FieldError>();
        if (stage is null)
        {
            errors.Add(new FieldError("Stage", "Select the Ombudsman's stage"));
        }
        else if (stage == phso.Stage)
        {
            errors.Add(new FieldError("Stage", $"The case is already at {stage.Value.Describe().ToLowerInvariant()}"));
        }

        if (phso.Outcome is not null)
        {
            errors.Add(new FieldError("Stage", "The Ombudsman has already decided this case"));
        }

        RecordCases.ThrowIfAny(errors);
        var from = @case.State;
        var before = phso.Stage;
        phso.Stage = stage!.Value;
        @case.State = OmbudsmanIntake.StateOf(phso.Stage);
        history.Record(@case, actor, "phso-stage", $"Ombudsman moved from {before.Describe().ToLowerInvariant()} to {phso.Stage.Describe().ToLowerInvariant()}",
            fromState: from, toState: @case.State);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    public async Task AddInformationRequestAsync(Guid caseId, int expectedVersion, string? request, DateOnly? requestedOn, DateOnly? dueOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        RecordCases.Require(errors, request, "Request", "Enter what the Ombudsman asked for");
        RecordCases.Limit(errors, request, Limits.LongText, "Request", "What the Ombudsman asked for");
        if (requestedOn is null)
        {
            errors.Add(new FieldError("RequestedOn", "Enter the date the Ombudsman asked"));
        }

        if (dueOn is null)
        {
            errors.Add(new FieldError("DueOn", "Enter the date the Ombudsman needs it by"));
        }
        else if (requestedOn is not null && dueOn < requestedOn)
        {
            errors.Add(new FieldError("DueOn", "The date it is needed by must be on or after the date it was asked for"));
        }

        RecordCases.NotFuture(errors, requestedOn, UkTime.Today(clock), "RequestedOn", "The date the Ombudsman asked");
        RecordCases.ThrowIfAny(errors);
        var (@case, phso) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var number = phso.InformationRequests.Count + 1;
        // Added through the set: a child with its key already set, found only through the navigation, would be taken for an existing row.
        db.OmbudsmanInformationRequests.Add(new OmbudsmanInformationRequest
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, Number = number, Request = request!.Trim(), RequestedOn = requestedOn!.Value, DueOn = dueOn!.Value,
        });
        history.Record(@case, actor, "phso-information-requested", $"Ombudsman asked for information (request {number}), due {Long(dueOn.Value)}", data: new { number, requestedOn, dueOn });
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    public async Task RecordInformationSentAsync(Guid caseId, int expectedVersion, Guid requestId, DateOnly? sentOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, phso) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var request = phso.InformationRequests.FirstOrDefault(r => r.Id == requestId) ?? throw new KeyNotFoundException($"No information request {requestId}.");
        var errors = new List<FieldError>();
        if (sentOn is null)
        {
            errors.Add(new FieldError("SentOn", "Enter the date the information was sent"));
        }
        else if (sentOn < request.RequestedOn)
        {
            errors.Add(new FieldError("SentOn", "The information cannot be sent before it was asked for"));
        }

        RecordCases.NotFuture(errors, sentOn, UkTime.Today(clock), "SentOn", "The date the information was sent");
        RecordCases.ThrowIfAny(errors);
        request.SentOn = sentOn;
        var late = sentOn > request.DueOn;
        history.Record(@case, actor, "phso-information-sent",
            $"Information sent to the Ombudsman (request {request.Number}) on {Long(sentOn!.Value)}{(late ? $", after the date it was needed by ({Long(request.DueOn)})" : "")}",
            data: new { request.Number, sentOn, request.DueOn, late });
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    public async Task RecordOutcomeAsync(Guid caseId, int expectedVersion, OmbudsmanOutcome? outcome, DateOnly? decidedOn, string? summary, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, phso) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var errors = new List<FieldError>();
        if (outcome is null)
        {
            errors.Add(new FieldError("Outcome", "Select the Ombudsman's decision"));
        }

        if (decidedOn is null)
        {
            errors.Add(new FieldError("DecidedOn", "Enter the date of the decision"));
        }

        if (phso.Outcome is not null)
        {
            errors.Add(new FieldError("Outcome", "The Ombudsman's decision is already recorded"));
        }

        RecordCases.NotFuture(errors, decidedOn, UkTime.Today(clock), "DecidedOn", "The date of the decision");
        RecordCases.Limit(errors, summary, Limits.LongText, "Summary", "The summary of the decision");
        RecordCases.ThrowIfAny(errors);
        phso.Outcome = outcome;
        phso.OutcomeOn = decidedOn;
        phso.OutcomeSummary = RecordCases.Tidy(summary);
        var from = @case.State;
        @case.State = RecordStates.OmbudsmanDecided;
        history.Record(@case, actor, "phso-decided", $"Ombudsman decided: {outcome!.Value.Describe().ToLowerInvariant()} ({Long(decidedOn!.Value)})",
            reason: phso.OutcomeSummary, fromState: from, toState: @case.State, data: new { outcome = outcome.ToString(), decidedOn });
        CloseIfDone(@case, phso, actor);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    public async Task AddRecommendationAsync(Guid caseId, int expectedVersion, string? text, DateOnly? complianceDueOn, long? remedyPence, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, phso) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var errors = new List<FieldError>();
        RecordCases.Require(errors, text, "Text", "Enter what the Ombudsman recommended");
        RecordCases.Limit(errors, text, Limits.LongText, "Text", "The recommendation");
        if (complianceDueOn is null)
        {
            errors.Add(new FieldError("ComplianceDueOn", "Enter the date it must be complied with by"));
        }

        if (remedyPence is < 0)
        {
            errors.Add(new FieldError("Remedy", "A remedy cannot be a negative amount"));
        }

        if (phso.Outcome is null)
        {
            errors.Add(new FieldError("Text", "Record the Ombudsman's decision before its recommendations"));
        }

        RecordCases.ThrowIfAny(errors);
        var number = phso.Recommendations.Count + 1;
        db.OmbudsmanRecommendations.Add(new OmbudsmanRecommendation
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, Number = number, Text = text!.Trim(), ComplianceDueOn = complianceDueOn!.Value, RemedyPence = remedyPence,
        });
        if (@case.ClosedAt is not null)
        {
            @case.ClosedAt = null;
            @case.State = RecordStates.OmbudsmanDecided;
        }

        history.Record(@case, actor, "phso-recommendation", $"Ombudsman recommendation {number}, to comply with by {Long(complianceDueOn!.Value)}{(remedyPence is { } p ? $", remedy {Money(p)}" : "")}",
            data: new { number, complianceDueOn, remedyPence });
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    public async Task RecordComplianceAsync(Guid caseId, int expectedVersion, Guid recommendationId, string? evidence, DateOnly? compliedOn, DateOnly? remedyPaidOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, phso) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var recommendation = phso.Recommendations.FirstOrDefault(r => r.Id == recommendationId) ?? throw new KeyNotFoundException($"No recommendation {recommendationId}.");
        var today = UkTime.Today(clock);
        var errors = new List<FieldError>();
        RecordCases.Require(errors, evidence, "Evidence", "Describe the evidence that the recommendation was complied with");
        RecordCases.Limit(errors, evidence, Limits.LongText, "Evidence", "The evidence");
        if (compliedOn is null)
        {
            errors.Add(new FieldError("CompliedOn", "Enter the date it was complied with"));
        }

        if (recommendation.RemedyPence is not null && remedyPaidOn is null)
        {
            errors.Add(new FieldError("RemedyPaidOn", "Enter the date the remedy was paid"));
        }

        RecordCases.NotFuture(errors, compliedOn, today, "CompliedOn", "The date it was complied with");
        RecordCases.NotFuture(errors, remedyPaidOn, today, "RemedyPaidOn", "The date the remedy was paid");
        if (recommendation.CompliedOn is not null)
        {
            errors.Add(new FieldError("Evidence", "Compliance with this recommendation is already recorded"));
        }

        RecordCases.ThrowIfAny(errors);
        recommendation.Evidence = evidence!.Trim();
        recommendation.CompliedOn = compliedOn;
        recommendation.RemedyPaidOn = remedyPaidOn;
        var late = compliedOn > recommendation.ComplianceDueOn;
        history.Record(@case, actor, "phso-complied",
            $"Recommendation {recommendation.Number} complied with on {Long(compliedOn!.Value)}{(late ? $", after its compliance date ({Long(recommendation.ComplianceDueOn)})" : "")}",
            reason: recommendation.Evidence, data: new { recommendation.Number, compliedOn, remedyPaidOn, late });
        CloseIfDone(@case, phso, actor);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    private void CloseIfDone(Case @case, OmbudsmanCase phso, Actor actor)
    {
        if (phso.Outcome is null || phso.Recommendations.Any(r => r.CompliedOn is null) || @case.ClosedAt is not null)
        {
            return;
        }

        var from = @case.State;
        @case.State = RecordStates.OmbudsmanClosed;
        @case.ClosedAt = clock.GetUtcNow().UtcDateTime;
        history.Record(@case, actor, "transition", "Closed: decided, and every recommendation complied with", fromState: from, toState: @case.State);
    }

    private async Task<(Case, OmbudsmanCase)> LoadAsync(Guid caseId, int expectedVersion, CancellationToken cancellationToken)
    {
        var @case = await RecordCases.LoadForChangeAsync(db, caseId, CaseType.OmbudsmanCase, expectedVersion, cancellationToken);
        var phso = await db.OmbudsmanCases.Include(o => o.InformationRequests).Include(o => o.Recommendations).FirstAsync(o => o.CaseId == caseId, cancellationToken);
        return (@case, phso);
    }

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Money(long pence) => (pence / 100m).ToString("£#,##0.00", CultureInfo.InvariantCulture);
}
