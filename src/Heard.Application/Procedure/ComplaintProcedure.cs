using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Children;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Letters;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Procedure;

/// <summary>What a step did: the states either side, and the draft letter it made, if any.</summary>
public sealed record TransitionOutcome(string StepName, string FromState, string ToState, Guid? LetterId, string Role);

/// <summary>
/// Takes a step in a complaint's procedure. The case's own policy version decides whether the step exists from the
/// current state and whether the person's role may take it; the step's requirements and guards decide whether
/// the input and the case are ready. Then, in one transaction: the state changes, the progress record and the
/// deadlines follow (met, started, extended), a letter is drafted if the step has one, and the history records
/// who, in which role, when, from, to, why and with what. A refused step changes nothing; a form based on an
/// older version of the case is refused (<see cref="StaleCaseException"/>).
/// </summary>
public sealed class ComplaintProcedure(
    HeardDbContext db,
    PolicyCatalogue policies,
    CaseHistory history,
    CaseDeadlines deadlines,
    CalendarStore calendars,
    LetterComposer composer,
    LetterTemplates templates,
    ChildrensComplaints children,
    TimeProvider clock)
{
    public const string NotShared = "This child's complaint has not been shared with you. Only the children's complaints manager and the people they share it with can see it.";

    public async Task<TransitionOutcome> ApplyAsync(Guid caseId, int expectedVersion, string transition, TransitionInput input, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(who);
        try
        {
            var @case = await LoadAsync(caseId, cancellationToken);
            if (@case.Version != expectedVersion)
            {
                throw new StaleCaseException();
            }

            var outcome = await ApplyWithinAsync(@case, transition, input, who, byLetter: false, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new StaleCaseException();
        }
        catch
        {
            // Nothing half-done may reach a later save in the same request.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>The complaint, tracked, with its issues.</summary>
    internal async Task<Case> LoadAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.Cases.Include(c => c.Issues).FirstOrDefaultAsync(c => c.Id == caseId && c.Type == CaseType.Complaint, cancellationToken)
        ?? throw new TransitionRefusedException("There is no such complaint.");

    internal async Task<ProcedurePolicy> PolicyOfAsync(Case @case, CancellationToken cancellationToken) =>
        @case.PolicyCode is { } key
            ? await policies.GetAsync(key, cancellationToken)
            : throw new TransitionRefusedException("This complaint has no procedure recorded, so no step can be taken.");

    /// <summary>
    /// Applies a step to a tracked case without saving: <see cref="ApplyAsync"/> and sending a letter that takes a
    /// step (<see cref="PolicyTransition.SentWithLetter"/>) both use it, each saving once.
    /// </summary>
    internal async Task<TransitionOutcome> ApplyWithinAsync(Case @case, string transition, TransitionInput input, StaffMember who, bool byLetter, CancellationToken cancellationToken)
    {
        var policy = await PolicyOfAsync(@case, cancellationToken);
        if (!await children.CanSeeAsync(who, @case, cancellationToken))
        {
            throw new TransitionRefusedException(NotShared);
        }

        var check = policy.Check(transition, @case.State, who.Roles, Roles.Describe);
        if (!check.IsAllowed)
        {
            throw new TransitionRefusedException(check.Reason!);
        }

        var step = check.Transition!;
        if (step.SentWithLetter && !byLetter)
        {
            throw new TransitionRefusedException($"“{step.Name}” happens when the {templates.NameOf(step.Letter!).ToLowerInvariant()} letter is sent: write the letter, then send it.");
        }

        var actor = who.As(check.Role!);
        var calendar = await calendars.CurrentAsync(cancellationToken);
        var today = UkTime.Today(clock);
        var progress = await ProgressAsync(@case, cancellationToken);
        var caseDeadlines = await deadlines.ForCaseAsync(@case.Id, cancellationToken);
        var extended = caseDeadlines.FirstOrDefault(d => d.Kind == (step.Extends ?? DeadlineKinds.Response));
        var context = new TransitionContext(today, @case.ReceivedOn, extended is { MetOn: null } ? extended.DueOn : null, calendar);
        var problems = TransitionRequirements.Validate(policy, step, input, context).Select(p => new FieldError(p.Field, p.Message)).ToList();
        string? managerName = null;
        if (step.Assigns is not null && input.ManagerId is { } managerId)
        {
            managerName = await ManagerNameAsync(managerId, step.Assigns, cancellationToken);
            if (managerName is null)
            {
                problems.Add(new FieldError(nameof(TransitionInput.ManagerId), step.Assigns == PolicyReader.LocalServiceManager
                    ? "Select a service manager"
                    : "Select a service manager or head of practice"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ValidationFailedException(problems);
        }

        var awaiting = await db.Remedies.CountAsync(r => r.CaseId == @case.Id && r.NeedsApproval && r.ApprovedAt == null, cancellationToken);
        var unmet = ProcedureGuards.Unmet(policy, step, Facts(@case, progress, awaiting), calendar);
        if (unmet.Count > 0)
        {
            throw new TransitionRefusedException($"“{step.Name}” is not possible yet. {string.Join(" ", unmet)}");
        }

        var from = @case.State;
        var to = step.To ?? from;
        var on = input.On ?? today;
        @case.State = to;
        if (ComplaintStates.Finished.Contains(to))
        {
            @case.ClosedAt ??= clock.GetUtcNow().UtcDateTime;
        }
        else
        {
            @case.ClosedAt = null;
        }

        Record(step, input, progress, @case, today, on);
        history.Record(
            @case,
            actor,
            step.ChangesState ? "transition" : step.Code,
            Summarise(policy, step, from, to, input, managerName),
            reason: Tidy(input.Reason),
            fromState: from,
            toState: to,
            data: new
            {
                transition = step.Code,
                policy = policy.Key,
                criterion = step.Needs(TransitionRequirements.Criterion) ? input.Criterion : null,
                route = step.Needs(TransitionRequirements.Route) ? input.Route : null,
                managerId = step.Assigns is null ? null : input.ManagerId,
                assigns = step.Assigns,
                on = step.Needs(TransitionRequirements.Date) ? input.On : null,
                newDueOn = step.Needs(TransitionRequirements.NewDate) ? input.NewDueOn : null,
                agreedBy = step.Needs(TransitionRequirements.AgreedBy) ? Tidy(input.AgreedBy) : null,
                conflict = step.Needs(TransitionRequirements.Conflict) ? input.ConflictDeclared : null,
                copyToCourt = step.Needs(TransitionRequirements.CourtCopy) ? input.CopyToCourt : null,
                byLetter,
            });

        foreach (var kind in step.Completes)
        {
            await deadlines.MarkMetAsync(@case, kind, step.Needs(TransitionRequirements.Date) ? on : today, actor, cancellationToken);
        }

        foreach (var kind in step.Starts)
        {
            await deadlines.SetAsync(@case, kind, policy.Deadline(kind)!.Rule, on, actor, cancellationToken);
        }

        var extra = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DecisionReason"] = Tidy(input.Reason),
            ["CourtCopyText"] = input.CopyToCourt == true
                ? (@case.Audience == Audience.Child ? "We are sending a copy of this letter to the court, so the judge knows what you think." : "We are sending a copy of this letter to the court.")
                : "",
        };
        if (step.Extends is { } kindExtended && extended is not null)
        {
            var before = extended.DueOn;
            var by = ExtensionBetween(extended, before, input.NewDueOn!.Value, calendar);
            await deadlines.ExtendAsync(@case, kindExtended, by, input.Reason!.Trim(), input.AgreedBy!.Trim(), today, actor, cancellationToken);
            extra["PreviousResponseDueOn"] = CalendarText.FullDate(before);
            extra["NewResponseDueOn"] = CalendarText.FullDate(extended.DueOn);
            extra["DelayReason"] = input.Reason.Trim();
            extra["AgreedBy"] = input.AgreedBy.Trim();
        }

        Guid? letterId = null;
        if (step.Letter is { } template && !step.SentWithLetter)
        {
            var letter = await composer.DraftAsync(@case, policy, template, who, extra, transitionCode: null, cancellationToken);
            history.Record(@case, actor, "letter-drafted", $"Letter drafted: {templates.NameOf(template)}", data: new { letterId = letter.Id, template });
            letterId = letter.Id;
        }

        return new TransitionOutcome(step.Name, from, to, letterId, actor.Role);
    }

    /// <summary>What still stands in the way of <paramref name="step"/> on the case as it is (read only).</summary>
    internal async Task<IReadOnlyList<string>> NotYetAsync(Case @case, ProcedurePolicy policy, PolicyTransition step, CancellationToken cancellationToken)
    {
        var progress = await db.ComplaintProgress.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == @case.Id, cancellationToken)
            ?? new ComplaintProgress { CaseId = @case.Id };
        var awaiting = await db.Remedies.CountAsync(r => r.CaseId == @case.Id && r.NeedsApproval && r.ApprovedAt == null, cancellationToken);
        return ProcedureGuards.Unmet(policy, step, Facts(@case, progress, awaiting), await calendars.CurrentAsync(cancellationToken));
    }

    /// <summary>The complaint's progress record, tracked; made on first use for a case that has none.</summary>
    internal async Task<ComplaintProgress> ProgressAsync(Case @case, CancellationToken cancellationToken)
    {
        var progress = await db.ComplaintProgress.FirstOrDefaultAsync(p => p.CaseId == @case.Id, cancellationToken);
        if (progress is null)
        {
            progress = new ComplaintProgress { CaseId = @case.Id };
            db.ComplaintProgress.Add(progress);
        }

        return progress;
    }

    internal static CaseFacts Facts(Case @case, ComplaintProgress progress, int remediesAwaitingApproval) => new()
    {
        ReceivedOn = @case.ReceivedOn,
        InvolvementEndedOn = @case.InvolvementEndedOn,
        ResponsibleManagerAssigned = progress.ResponsibleManagerId is not null,
        ConflictDeclared = progress.ConflictOfInterest is not null,
        ConversationOffered = progress.ConversationOfferedOn is not null,
        FirstContactMade = progress.FirstContactOn is not null,
        Issues = @case.Issues.Select(i => new IssueFacts(i.Number, i.ThemeCode, i.Finding)).ToList(),
        RemediesAwaitingApproval = remediesAwaitingApproval,
    };

    /// <summary>The decisions a step records on the complaint's progress (see <see cref="ProcedureSteps"/>).</summary>
    private static void Record(PolicyTransition step, TransitionInput input, ComplaintProgress progress, Case @case, DateOnly today, DateOnly on)
    {
        if (ProcedureSteps.Eligibility.Contains(step.Code))
        {
            progress.EligibilityDecision = step.Code;
            progress.EligibilityDecidedOn = today;
        }

        if (step.Needs(TransitionRequirements.Criterion))
        {
            progress.DiscretionCriterion = input.Criterion;
        }

        if (step.Needs(TransitionRequirements.Route))
        {
            progress.Route = input.Route;
        }

        if (step.Needs(TransitionRequirements.CourtCopy))
        {
            progress.CopyToCourt = input.CopyToCourt;
        }

        if (step.Needs(TransitionRequirements.Conflict))
        {
            progress.ConflictOfInterest = input.ConflictDeclared;
            progress.ConflictDetails = input.ConflictDeclared == true ? Tidy(input.ConflictDetails) : null;
        }

        if (step.Assigns == PolicyReader.LocalServiceManager)
        {
            progress.LocalServiceManagerId = input.ManagerId;
            progress.LocalServiceManagerAssignedOn = today;
            @case.AssignedToId = input.ManagerId;
        }
        else if (step.Assigns == PolicyReader.ResponsibleManager)
        {
            if (progress.ResponsibleManagerId != input.ManagerId)
            {
                // A new responsible manager makes their own declaration.
                progress.ConflictOfInterest = null;
                progress.ConflictDetails = null;
            }

            progress.ResponsibleManagerId = input.ManagerId;
            progress.ResponsibleManagerAssignedOn = today;
            @case.AssignedToId = input.ManagerId;
        }

        if (step.Extends is not null)
        {
            progress.HoldingLetters++;
        }

        switch (step.Code)
        {
            case ProcedureSteps.RecordConsent:
                progress.ConsentGivenOn = on;
                break;
            case ProcedureSteps.RecordContact:
                progress.EarlyContactOn = on;
                break;
            case ProcedureSteps.ResolveEarly:
                progress.ResolvedEarly = true;
                progress.ResponseSentOn = today;
                break;
            case ProcedureSteps.EarlyResolutionFailed:
                progress.ResolvedEarly = false;
                break;
            case ProcedureSteps.OfferConversation:
                progress.ConversationOfferedOn = today;
                break;
            case ProcedureSteps.RecordConversation:
                progress.ConversationHeldOn = on;
                progress.ConversationOfferedOn ??= on;
                break;
            case ProcedureSteps.RecordFirstContact:
                progress.FirstContactOn ??= on;
                break;
            case ProcedureSteps.SendResponse:
                progress.ResponseSentOn = today;
                break;
            case ProcedureSteps.Withdraw:
                progress.WithdrawnReason = Tidy(input.Reason);
                break;
            case ProcedureSteps.Reopen or ProcedureSteps.ReopenDecision:
                progress.Reopened++;
                break;
            default:
                break;
        }
    }

    private static string Summarise(ProcedurePolicy policy, PolicyTransition step, string from, string to, TransitionInput input, string? managerName)
    {
        var text = step.ChangesState && from != to
            ? $"{step.Name}: {policy.StateName(from)} → {policy.StateName(to)}"
            : step.Name;
        if (step.Needs(TransitionRequirements.Criterion) && policy.TimeLimit?.Criterion(input.Criterion) is { } criterion)
        {
            text += $". Criterion: {criterion.Text}";
        }

        if (step.Needs(TransitionRequirements.Route) && policy.Routes.FirstOrDefault(r => r.Code == input.Route) is { } route)
        {
            text += $". {route.Text}";
        }

        if (managerName is not null)
        {
            text += step.Assigns == PolicyReader.LocalServiceManager ? $". Local service manager: {managerName}" : $". Responsible manager: {managerName}";
        }

        if (step.Needs(TransitionRequirements.Conflict))
        {
            text += input.ConflictDeclared == true ? ". Conflict of interest declared" : ". No conflict of interest";
        }

        if (step.Needs(TransitionRequirements.Date) && input.On is { } on)
        {
            text += $" on {CalendarText.FullDate(on)}";
        }

        if (step.Needs(TransitionRequirements.NewDate) && input.NewDueOn is { } newDate)
        {
            text += $". New response date {CalendarText.FullDate(newDate)}, agreed by {Tidy(input.AgreedBy)}";
        }

        if (step.Needs(TransitionRequirements.CourtCopy))
        {
            text += input.CopyToCourt == true ? ". Copy to the court" : "";
        }

        return text.Length <= 500 ? text : text[..497] + "...";
    }

    /// <summary>The extension, in the deadline's own unit, that moves it from <paramref name="before"/> to <paramref name="newDueOn"/>.</summary>
    private static DeadlineRule ExtensionBetween(CaseDeadline deadline, DateOnly before, DateOnly newDueOn, WorkingCalendar calendar)
    {
        var rule = DeadlineRule.Parse(deadline.Rule);
        return rule.Kind switch
        {
            DeadlineRuleKind.WorkingDays => DeadlineRule.WorkingDays(calendar.CountWorkingDays(before, newDueOn)),
            DeadlineRuleKind.CalendarDays => DeadlineRule.CalendarDays(newDueOn.DayNumber - before.DayNumber),
            _ => throw new TransitionRefusedException($"A deadline of {rule.DisplayName} cannot be moved to a chosen date."),
        };
    }

    /// <summary>The name of the manager if they can be assigned to the role the step names, else null.</summary>
    private async Task<string?> ManagerNameAsync(Guid userId, string assigns, CancellationToken cancellationToken)
    {
        var allowed = ManagerRoles(assigns);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && allowed.Contains(r.Name!))))
            .Select(u => u.DisplayName)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Who can be a responsible manager (a service manager or head of practice) or a local service manager.</summary>
    public static IReadOnlyList<string> ManagerRoles(string assigns) =>
        assigns == PolicyReader.LocalServiceManager ? [Roles.ServiceManager] : [Roles.ServiceManager, Roles.HeadOfPractice];

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
