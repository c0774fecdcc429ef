using System.Globalization;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Intake;
using Heard.Application.Records;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heard.Application.SubjectAccess;

/// <summary>
/// The information rights team's work on a subject access request: identity (which starts the statutory clock),
/// clarification (which stops it), an extension for a complex request, disclosure and an ICO complaint. Every date
/// comes from the deadline engine and every step is in the case's history.
/// </summary>
public sealed class SarHandling(HeardDbContext db, CaseHistory history, CaseDeadlines deadlines, IOptions<RecordTimescales> timescales, TimeProvider clock)
{
    /// <summary>The statutory rule for a request received on <paramref name="receivedOn"/>: 40 days under the 1998 Act, else one month.</summary>
    public static DeadlineRule RuleFor(RecordTimescales timescales, DateOnly receivedOn)
    {
        ArgumentNullException.ThrowIfNull(timescales);
        return DeadlineRule.Parse(receivedOn < timescales.SubjectAccessChangedOn ? timescales.SubjectAccessBefore : timescales.SubjectAccess);
    }

    internal static async Task StartClockAsync(CaseHistory history, CaseDeadlines deadlines, RecordTimescales timescales, Case @case, SubjectAccessRequest sar, DateOnly confirmedOn, string evidence, Actor actor, CancellationToken cancellationToken)
    {
        sar.IdentityConfirmedOn = confirmedOn;
        sar.IdentityEvidence = evidence;
        var from = @case.State;
        @case.State = RecordStates.InProgress;
        history.Record(@case, actor, "identity-confirmed", $"Identity confirmed on {Long(confirmedOn)}: the statutory clock starts",
            reason: evidence, fromState: from, toState: @case.State, data: new { confirmedOn });
        await deadlines.SetAsync(@case, RecordDeadlineKinds.SarResponse, RuleFor(timescales, @case.ReceivedOn), confirmedOn, actor, cancellationToken);
    }

    public async Task ConfirmIdentityAsync(Guid caseId, int expectedVersion, DateOnly? confirmedOn, string? evidence, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, sar) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var errors = new List<FieldError>();
        if (sar.IdentityConfirmedOn is { } already)
        {
            errors.Add(new FieldError("ConfirmedOn", $"Identity was already confirmed, on {Long(already)}"));
        }

        if (confirmedOn is null)
        {
            errors.Add(new FieldError("ConfirmedOn", "Enter the date identity was confirmed"));
        }
        else if (confirmedOn < @case.ReceivedOn)
        {
            errors.Add(new FieldError("ConfirmedOn", "Identity cannot be confirmed before the request was received"));
        }

        RecordCases.NotFuture(errors, confirmedOn, UkTime.Today(clock), "ConfirmedOn", "The date identity was confirmed");
        RecordCases.Require(errors, evidence, "Evidence", "Say what proof of identity was seen");
        RecordCases.Limit(errors, evidence, Limits.Adjustments, "Evidence", "The identity evidence");
        RecordCases.ThrowIfAny(errors);
        await StartClockAsync(history, deadlines, timescales.Value, @case, sar, confirmedOn!.Value, evidence!.Trim(), actor, cancellationToken);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    /// <summary>Stops the clock while the requester is asked to clarify what they want.</summary>
    public async Task AskForClarificationAsync(Guid caseId, int expectedVersion, DateOnly? askedOn, string? what, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, _) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var deadline = await ClockAsync(caseId, "AskedOn", cancellationToken);
        var errors = new List<FieldError>();
        if (deadline.Pauses.Any(p => p.RestartedOn is null))
        {
            errors.Add(new FieldError("AskedOn", "The clock is already stopped for clarification"));
        }

        if (askedOn is null)
        {
            errors.Add(new FieldError("AskedOn", "Enter the date clarification was asked for"));
        }
        else if (askedOn < deadline.StartsOn)
        {
            errors.Add(new FieldError("AskedOn", $"Clarification cannot be asked for before the clock started on {Long(deadline.StartsOn)}"));
        }

        RecordCases.NotFuture(errors, askedOn, UkTime.Today(clock), "AskedOn", "The date clarification was asked for");
        RecordCases.Require(errors, what, "What", "Say what the requester was asked to clarify");
        RecordCases.Limit(errors, what, 500, "What", "What was asked");
        RecordCases.ThrowIfAny(errors);
        var from = @case.State;
        @case.State = RecordStates.AwaitingClarification;
        history.Record(@case, actor, "transition", "Waiting for the requester to clarify the request", reason: what!.Trim(), fromState: from, toState: @case.State);
        await deadlines.PauseAsync(@case, RecordDeadlineKinds.SarResponse, askedOn!.Value, $"waiting for clarification: {what.Trim()}", actor, cancellationToken);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    /// <summary>Restarts the clock from the day the clarification arrived.</summary>
    public async Task ClarificationReceivedAsync(Guid caseId, int expectedVersion, DateOnly? receivedOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, _) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var deadline = await ClockAsync(caseId, "ClarifiedOn", cancellationToken);
        var open = deadline.Pauses.FirstOrDefault(p => p.RestartedOn is null);
        var errors = new List<FieldError>();
        if (open is null)
        {
            errors.Add(new FieldError("ClarifiedOn", "The clock is not stopped for clarification"));
        }
        else if (receivedOn is null)
        {
            errors.Add(new FieldError("ClarifiedOn", "Enter the date the clarification arrived"));
        }
        else if (receivedOn <= open.StoppedOn)
        {
            errors.Add(new FieldError("ClarifiedOn", $"The clarification must arrive after the day it was asked for ({Long(open.StoppedOn)})"));
        }

        RecordCases.NotFuture(errors, receivedOn, UkTime.Today(clock), "ClarifiedOn", "The date the clarification arrived");
        RecordCases.ThrowIfAny(errors);
        var from = @case.State;
        @case.State = RecordStates.InProgress;
        history.Record(@case, actor, "transition", $"Clarification received on {Long(receivedOn!.Value)}", fromState: from, toState: @case.State);
        await deadlines.RestartAsync(@case, RecordDeadlineKinds.SarResponse, receivedOn.Value, actor, cancellationToken);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    /// <summary>
    /// Extends a complex request by two further months (UK GDPR article 12(3)). Refused without reasons, after the
    /// first month (the requester must be told within it), a second time, or for a request under the 1998 Act,
    /// which allowed no extension.
    /// </summary>
    public async Task ExtendAsync(Guid caseId, int expectedVersion, DateOnly? toldOn, string? reasons, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (@case, _) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var deadline = await ClockAsync(caseId, "ToldOn", cancellationToken);
        var rule = DeadlineRule.Parse(deadline.Rule);
        var errors = new List<FieldError>();
        RecordCases.Require(errors, reasons, "Reasons", "Give the reasons the request is complex: the requester must be told why it will take longer");
        RecordCases.Limit(errors, reasons, 1000, "Reasons", "The reasons");
        if (rule.Kind != DeadlineRuleKind.CalendarMonths)
        {
            errors.Add(new FieldError("ToldOn", "A request received before 25 May 2018 falls under the Data Protection Act 1998, which allows no extension"));
        }
        else if (deadline.Extensions.Count > 0)
        {
            errors.Add(new FieldError("ToldOn", "This request has already been extended; the law allows two further months at most"));
        }
        else if (deadline.MetOn is not null)
        {
            errors.Add(new FieldError("ToldOn", "The information has already been disclosed"));
        }

        if (toldOn is null)
        {
            errors.Add(new FieldError("ToldOn", "Enter the date the requester was told about the extension"));
        }
        else if (toldOn < deadline.StartsOn)
        {
            errors.Add(new FieldError("ToldOn", $"The requester cannot be told before the clock started on {Long(deadline.StartsOn)}"));
        }
        else if (deadline.Extensions.Count == 0 && toldOn > deadline.DueOn)
        {
            errors.Add(new FieldError("ToldOn",
                $"Too late to extend: the requester must be told within the first month, by {Long(deadline.DueOn)}, and was told on {Long(toldOn.Value)}. The request is due on {Long(deadline.DueOn)}."));
        }

        RecordCases.NotFuture(errors, toldOn, UkTime.Today(clock), "ToldOn", "The date the requester was told");
        RecordCases.ThrowIfAny(errors);
        await deadlines.ExtendAsync(@case, RecordDeadlineKinds.SarResponse, DeadlineRule.Parse(timescales.Value.SubjectAccessExtension), reasons!.Trim(), actor.Name, toldOn!.Value, actor, cancellationToken);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    /// <summary>Records the disclosure: sent on a date, so many pages, these exemptions. Meets the statutory deadline.</summary>
    public async Task RecordDisclosureAsync(Guid caseId, int expectedVersion, DateOnly? sentOn, int? pages, IReadOnlyList<string> exemptions, string? note, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exemptions);
        var (@case, sar) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var errors = new List<FieldError>();
        if (sar.IdentityConfirmedOn is null)
        {
            errors.Add(new FieldError("SentOn", "Confirm the requester's identity before disclosing anything"));
        }

        if (sar.DisclosedOn is { } already)
        {
            errors.Add(new FieldError("SentOn", $"The disclosure was already sent, on {Long(already)}"));
        }

        if (sentOn is null)
        {
            errors.Add(new FieldError("SentOn", "Enter the date the disclosure was sent"));
        }
        else if (sentOn < @case.ReceivedOn)
        {
            errors.Add(new FieldError("SentOn", "The disclosure cannot be sent before the request was received"));
        }

        RecordCases.NotFuture(errors, sentOn, UkTime.Today(clock), "SentOn", "The date the disclosure was sent");
        if (pages is null or < 0)
        {
            errors.Add(new FieldError("Pages", "Enter the number of pages disclosed, as a whole number (0 if none)"));
        }

        var unknown = exemptions.Where(e => SarExemptions.All.All(x => x.Code != e)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new FieldError("Exemptions", "Select exemptions from the list"));
        }

        RecordCases.Limit(errors, note, Limits.LongText, "Note", "The note");
        RecordCases.ThrowIfAny(errors);
        sar.DisclosedOn = sentOn;
        sar.PagesDisclosed = pages;
        sar.Exemptions = exemptions.Distinct(StringComparer.Ordinal).ToList();
        sar.DisclosureNote = RecordCases.Tidy(note);
        var from = @case.State;
        @case.State = RecordStates.Disclosed;
        @case.ClosedAt = clock.GetUtcNow().UtcDateTime;
        history.Record(@case, actor, "disclosed",
            $"Disclosure sent on {Long(sentOn!.Value)}: {pages} page{(pages == 1 ? "" : "s")}, {(sar.Exemptions.Count == 0 ? "no exemptions" : $"{sar.Exemptions.Count} exemption{(sar.Exemptions.Count == 1 ? "" : "s")} applied")}",
            reason: sar.DisclosureNote, fromState: from, toState: @case.State, data: new { sentOn, pages, exemptions = sar.Exemptions });
        await deadlines.MarkMetAsync(@case, RecordDeadlineKinds.SarResponse, sentOn.Value, actor, cancellationToken);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    /// <summary>Records a complaint to the Information Commissioner about this request, and later its outcome.</summary>
    public async Task RecordIcoComplaintAsync(Guid caseId, int expectedVersion, DateOnly? complainedOn, string? icoReference, string? outcome, DateOnly? outcomeOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, sar) = await LoadAsync(caseId, expectedVersion, cancellationToken);
        var errors = new List<FieldError>();
        var today = UkTime.Today(clock);
        if (complainedOn is null)
        {
            errors.Add(new FieldError("ComplainedOn", "Enter the date the ICO told us of the complaint"));
        }

        RecordCases.NotFuture(errors, complainedOn, today, "ComplainedOn", "The date of the ICO complaint");
        RecordCases.NotFuture(errors, outcomeOn, today, "OutcomeOn", "The date of the ICO's outcome");
        RecordCases.Limit(errors, icoReference, 40, "IcoReference", "The ICO's reference");
        RecordCases.Limit(errors, outcome, Limits.LongText, "Outcome", "The ICO's outcome");
        if (outcomeOn is not null && string.IsNullOrWhiteSpace(outcome))
        {
            errors.Add(new FieldError("Outcome", "Enter the ICO's outcome, or leave its date blank"));
        }

        RecordCases.ThrowIfAny(errors);
        var first = sar.IcoComplaintOn is null;
        sar.IcoComplaintOn = complainedOn;
        sar.IcoReference = RecordCases.Tidy(icoReference);
        sar.IcoOutcome = RecordCases.Tidy(outcome);
        sar.IcoOutcomeOn = outcomeOn;
        history.Record(@case, actor, "ico-complaint",
            first ? $"Complaint to the Information Commissioner recorded ({Long(complainedOn!.Value)})" : "Complaint to the Information Commissioner updated",
            reason: sar.IcoOutcome, data: new { complainedOn, sar.IcoReference, outcomeOn });
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    private async Task<(Case, SubjectAccessRequest)> LoadAsync(Guid caseId, int expectedVersion, CancellationToken cancellationToken)
    {
        var @case = await RecordCases.LoadForChangeAsync(db, caseId, CaseType.SubjectAccessRequest, expectedVersion, cancellationToken);
        var sar = await db.SubjectAccessRequests.FirstAsync(s => s.CaseId == caseId, cancellationToken);
        return (@case, sar);
    }

    private async Task<CaseDeadline> ClockAsync(Guid caseId, string field, CancellationToken cancellationToken) =>
        await db.CaseDeadlines.FirstOrDefaultAsync(d => d.CaseId == caseId && d.Kind == RecordDeadlineKinds.SarResponse, cancellationToken)
        ?? throw new ValidationFailedException([new FieldError(field, "The clock has not started: confirm the requester's identity first")]);

    private static string Long(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
