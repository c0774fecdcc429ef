using Heard.Application.Cases;
using Heard.Application.Children;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Application.Procedure;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Learning;

/// <summary>A learning action as given on the form.</summary>
public sealed record LearningActionInput
{
    public string? Description { get; init; }
    public Guid? OwnerId { get; init; }
    public DateOnly? DueOn { get; init; }
    public CascadeLevel? Level { get; init; }
    public Guid? TeamId { get; init; }
    public Guid? ServiceAreaId { get; init; }
    public string? ThemeCode { get; init; }
    public Guid? LearningPointId { get; init; }
}

/// <summary>A learning action as lists show it.</summary>
public sealed record LearningActionView(
    Guid Id,
    Guid CaseId,
    string CaseReference,
    string Description,
    string OwnerName,
    Guid OwnerId,
    DateOnly DueOn,
    LearningActionStatus Status,
    CascadeLevel Level,
    string? Where,
    string ThemeName,
    string? Evidence,
    string? CancelledReason,
    DateOnly? ClosedOn,
    string? LearningPoint,
    bool Overdue);

public sealed record LearningChoice(string Value, string Text);

/// <summary>The learning actions of one case, and what the viewer may do with them.</summary>
public sealed record CaseLearningView(int CaseVersion, IReadOnlyList<LearningActionView> Actions, bool CanChange);

/// <summary>The choices the action form offers.</summary>
public sealed record LearningActionChoices(
    IReadOnlyList<LearningChoice> Owners,
    IReadOnlyList<LearningChoice> Teams,
    IReadOnlyList<LearningChoice> Areas,
    IReadOnlyList<LearningChoice> Themes,
    IReadOnlyList<LearningChoice> LearningPoints);

/// <summary>
/// Action points on complaints: set, done (with evidence) or cancelled (with a reason). Who may set and change them
/// is the case policy's "add learning point" permission (the same people, in the same states, as learning points);
/// the owner of an action may also mark it done or cancel it. Each change writes an event in the same save, and a
/// change based on an older version of the case is refused.
/// </summary>
public sealed class LearningActions(
    HeardDbContext db,
    ComplaintProcedure procedure,
    CaseHistory history,
    ChildrensComplaints children,
    TimeProvider clock)
{
    public async Task<Guid> AddAsync(Guid caseId, int expectedVersion, LearningActionInput input, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = Guid.CreateVersion7();
        await ChangeAsync(caseId, expectedVersion, null, who, async (@case, actor) =>
        {
            var errors = new List<FieldError>();
            var today = UkTime.Today(clock);
            if (string.IsNullOrWhiteSpace(input.Description))
            {
                errors.Add(new FieldError(nameof(input.Description), "Enter what is to be done"));
            }
            else if (input.Description.Trim().Length > Limits.Adjustments)
            {
                errors.Add(new FieldError(nameof(input.Description), $"What is to be done must be {Limits.Adjustments:N0} characters or fewer"));
            }

            var owner = input.OwnerId is { } ownerId
                ? await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.IsActive).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (owner is null)
            {
                errors.Add(new FieldError(nameof(input.OwnerId), "Select who will do it"));
            }

            if (input.DueOn is not { } dueOn)
            {
                errors.Add(new FieldError(nameof(input.DueOn), "Enter the date it is due"));
            }
            else if (dueOn < today)
            {
                errors.Add(new FieldError(nameof(input.DueOn), "The due date must be today or in the future"));
            }
            else if (dueOn > today.AddYears(2))
            {
                errors.Add(new FieldError(nameof(input.DueOn), "The due date must be within 2 years"));
            }

            if (string.IsNullOrWhiteSpace(input.ThemeCode) || !await db.Themes.AnyAsync(t => t.Code == input.ThemeCode && t.Active, cancellationToken))
            {
                errors.Add(new FieldError(nameof(input.ThemeCode), "Select the theme"));
            }

            Guid? areaId = null;
            Guid? teamId = null;
            switch (input.Level)
            {
                case CascadeLevel.Practitioner:
                    areaId = @case.ServiceAreaId;
                    break;
                case CascadeLevel.Team:
                    var team = input.TeamId is { } t ? await db.Teams.AsNoTracking().FirstOrDefaultAsync(x => x.Id == t, cancellationToken) : null;
                    if (team is null)
                    {
                        errors.Add(new FieldError(nameof(input.TeamId), "Select the team the learning goes to"));
                    }
                    else
                    {
                        teamId = team.Id;
                        areaId = team.ServiceAreaId ?? @case.ServiceAreaId;
                    }

                    break;
                case CascadeLevel.ServiceArea:
                    if (input.ServiceAreaId is not { } a || !await db.ServiceAreas.AnyAsync(x => x.Id == a, cancellationToken))
                    {
                        errors.Add(new FieldError(nameof(input.ServiceAreaId), "Select the service area the learning goes to"));
                    }
                    else
                    {
                        areaId = a;
                    }

                    break;
                case CascadeLevel.National:
                    break;
                default:
                    errors.Add(new FieldError(nameof(input.Level), "Select how far the learning is cascaded"));
                    break;
            }

            string? pointText = null;
            if (input.LearningPointId is { } pointId)
            {
                pointText = await db.LearningPoints.Where(p => p.Id == pointId && p.CaseId == @case.Id).Select(p => p.Text).FirstOrDefaultAsync(cancellationToken);
                if (pointText is null)
                {
                    errors.Add(new FieldError(nameof(input.LearningPointId), "Select a learning point of this complaint, or none"));
                }
            }

            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var action = new LearningAction
            {
                Id = id,
                CaseId = @case.Id,
                LearningPointId = input.LearningPointId,
                Description = input.Description!.Trim(),
                OwnerId = owner!.Id,
                OwnerName = owner.DisplayName,
                DueOn = input.DueOn!.Value,
                Level = input.Level!.Value,
                TeamId = teamId,
                ServiceAreaId = areaId,
                ThemeCode = input.ThemeCode!,
                CreatedById = who.UserId,
                CreatedByName = who.Name,
                CreatedAt = now,
                CreatedOn = today,
                UpdatedAt = now,
            };
            db.LearningActions.Add(action);
            history.Record(@case, actor, "learning-action-added",
                $"Learning action for {owner.DisplayName}, due {action.DueOn:d MMMM yyyy} ({action.Level.Describe().ToLowerInvariant()} level)",
                reason: action.Description,
                data: new { learningActionId = id, owner = owner.Id, dueOn = action.DueOn, level = action.Level.ToString(), theme = action.ThemeCode, learningPointId = action.LearningPointId });
        }, cancellationToken);
        return id;
    }

    /// <summary>Marks an open action done; the evidence that it was done is required.</summary>
    public Task CompleteAsync(Guid caseId, int expectedVersion, Guid actionId, string? evidence, StaffMember who, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, expectedVersion, actionId, who, async (@case, actor) =>
        {
            if (string.IsNullOrWhiteSpace(evidence))
            {
                throw new ValidationFailedException([new FieldError("Evidence", "Enter the evidence that the action was done")]);
            }

            if (evidence.Trim().Length > Limits.Adjustments)
            {
                throw new ValidationFailedException([new FieldError("Evidence", $"The evidence must be {Limits.Adjustments:N0} characters or fewer")]);
            }

            var action = await OpenActionAsync(@case, actionId, cancellationToken);
            action.Status = LearningActionStatus.Done;
            action.Evidence = evidence.Trim();
            action.ClosedOn = UkTime.Today(clock);
            action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            history.Record(@case, actor, "learning-action-done", $"Learning action done ({action.OwnerName})", reason: action.Evidence,
                data: new { learningActionId = action.Id, before = nameof(LearningActionStatus.Open), after = nameof(LearningActionStatus.Done), late = action.ClosedOn > action.DueOn });
        }, cancellationToken);

    /// <summary>
    /// Gives an open action to someone else or a new due date, with the reason. Only the policy's roles may: the owner
    /// of an action cannot move their own due date (they ask whoever set it), so a date moved is always someone
    /// else's decision, and the history says who, from what to what, and why.
    /// </summary>
    public Task RescheduleAsync(Guid caseId, int expectedVersion, Guid actionId, Guid? ownerId, DateOnly? dueOn, string? reason, StaffMember who, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, expectedVersion, null, who, async (@case, actor) =>
        {
            var action = await OpenActionAsync(@case, actionId, cancellationToken);
            var errors = new List<FieldError>();
            var today = UkTime.Today(clock);
            var owner = ownerId is { } id
                ? await db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (owner is null)
            {
                errors.Add(new FieldError("NewOwnerId", "Select who will do it"));
            }

            if (dueOn is not { } due)
            {
                errors.Add(new FieldError("NewDueOn", "Enter the date it is due"));
            }
            else if (due < today && due != action.DueOn)
            {
                errors.Add(new FieldError("NewDueOn", "The due date must be today or in the future"));
            }
            else if (due > today.AddYears(2))
            {
                errors.Add(new FieldError("NewDueOn", "The due date must be within 2 years"));
            }

            if (owner is not null && dueOn is not null && owner.Id == action.OwnerId && dueOn == action.DueOn)
            {
                errors.Add(new FieldError("NewOwnerId", "Choose a different person or a different due date"));
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                errors.Add(new FieldError("ChangeReason", "Enter why the action is changed"));
            }
            else if (reason.Trim().Length > Limits.Adjustments)
            {
                errors.Add(new FieldError("ChangeReason", $"The reason must be {Limits.Adjustments:N0} characters or fewer"));
            }

            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            var before = new { owner = action.OwnerId, ownerName = action.OwnerName, dueOn = action.DueOn };
            var changes = new List<string>();
            if (owner!.Id != action.OwnerId)
            {
                changes.Add($"given to {owner.DisplayName} (was {action.OwnerName})");
            }

            if (dueOn!.Value != action.DueOn)
            {
                changes.Add($"due {dueOn.Value:d MMMM yyyy} (was {action.DueOn:d MMMM yyyy})");
            }

            action.OwnerId = owner.Id;
            action.OwnerName = owner.DisplayName;
            action.DueOn = dueOn.Value;
            action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            history.Record(@case, actor, "learning-action-changed", $"Learning action {string.Join(" and ", changes)}", reason: reason!.Trim(),
                data: new { learningActionId = action.Id, before, after = new { owner = action.OwnerId, ownerName = action.OwnerName, dueOn = action.DueOn } });
        }, cancellationToken);

    /// <summary>Cancels an open action; the reason is required.</summary>
    public Task CancelAsync(Guid caseId, int expectedVersion, Guid actionId, string? reason, StaffMember who, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, expectedVersion, actionId, who, async (@case, actor) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new ValidationFailedException([new FieldError("CancelReason", "Enter why the action is cancelled")]);
            }

            if (reason.Trim().Length > Limits.Adjustments)
            {
                throw new ValidationFailedException([new FieldError("CancelReason", $"The reason must be {Limits.Adjustments:N0} characters or fewer")]);
            }

            var action = await OpenActionAsync(@case, actionId, cancellationToken);
            action.Status = LearningActionStatus.Cancelled;
            action.CancelledReason = reason.Trim();
            action.ClosedOn = UkTime.Today(clock);
            action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            history.Record(@case, actor, "learning-action-cancelled", $"Learning action cancelled ({action.OwnerName})", reason: action.CancelledReason,
                data: new { learningActionId = action.Id, before = nameof(LearningActionStatus.Open), after = nameof(LearningActionStatus.Cancelled) });
        }, cancellationToken);

    /// <summary>The actions of a case, and whether <paramref name="who"/> may set and change them; null when the case is not a complaint.</summary>
    public async Task<CaseLearningView?> ForCaseAsync(Guid caseId, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.Type == CaseType.Complaint, cancellationToken);
        if (@case?.PolicyCode is null)
        {
            return null;
        }

        var policy = await procedure.PolicyOfAsync(@case, cancellationToken);
        var canChange = policy.RoleFor(PolicyActions.AddLearningPoint, @case.State, who.Roles) is not null
            && await children.CanSeeAsync(who, @case, cancellationToken);
        var actions = await Views(db.LearningActions.Where(a => a.CaseId == caseId)).ToListAsync(cancellationToken);
        return new CaseLearningView(@case.Version, [.. actions.OrderBy(a => a.Status).ThenBy(a => a.DueOn)], canChange);
    }

    /// <summary>One action of a case (for its page), or null.</summary>
    public async Task<LearningActionView?> FindAsync(Guid caseId, Guid actionId, CancellationToken cancellationToken = default) =>
        await Views(db.LearningActions.Where(a => a.CaseId == caseId && a.Id == actionId)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether <paramref name="who"/> may change <paramref name="actionId"/>: by the case's policy, or as its owner.</summary>
    public async Task<bool> CanChangeAsync(Guid caseId, Guid actionId, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (await db.LearningActions.AnyAsync(a => a.Id == actionId && a.CaseId == caseId && a.OwnerId == who.UserId, cancellationToken))
        {
            return true;
        }

        var view = await ForCaseAsync(caseId, who, cancellationToken);
        return view?.CanChange == true;
    }

    /// <summary>The open actions a member of staff owns, the soonest due first.</summary>
    public async Task<IReadOnlyList<LearningActionView>> OwnedByAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await Views(db.LearningActions.Where(a => a.OwnerId == userId && a.Status == LearningActionStatus.Open).OrderBy(a => a.DueOn))
            .ToListAsync(cancellationToken);

    /// <summary>The choices for a new action on the case: active staff, teams, areas, active themes, the case's learning points.</summary>
    public async Task<LearningActionChoices> ChoicesAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var owners = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.JobTitle }).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var areas = await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).Select(t => new { t.Code, t.Name }).ToListAsync(cancellationToken);
        var points = await db.LearningPoints.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.RecordedAt).Select(p => new { p.Id, p.Text }).ToListAsync(cancellationToken);
        return new LearningActionChoices(
            [.. owners.Select(o => new LearningChoice(o.Id.ToString(), o.JobTitle is null ? o.DisplayName : $"{o.DisplayName}, {o.JobTitle}"))],
            [.. teams.Select(t => new LearningChoice(t.Id.ToString(), t.Name))],
            [.. areas.Select(a => new LearningChoice(a.Id.ToString(), a.Name))],
            [.. themes.Select(t => new LearningChoice(t.Code, t.Name))],
            [.. points.Select(p => new LearningChoice(p.Id.ToString(), p.Text.Length > 120 ? p.Text[..117] + "…" : p.Text))]);
    }

    private IQueryable<LearningActionView> Views(IQueryable<LearningAction> actions)
    {
        var today = UkTime.Today(clock);
        return from a in actions
               join c in db.Cases on a.CaseId equals c.Id
               join t in db.Themes on a.ThemeCode equals t.Code
               select new LearningActionView(
                   a.Id,
                   a.CaseId,
                   c.Reference,
                   a.Description,
                   a.OwnerName,
                   a.OwnerId,
                   a.DueOn,
                   a.Status,
                   a.Level,
                   a.Level == CascadeLevel.Team ? db.Teams.Where(x => x.Id == a.TeamId).Select(x => x.Name).FirstOrDefault()
                       : a.Level == CascadeLevel.ServiceArea ? db.ServiceAreas.Where(x => x.Id == a.ServiceAreaId).Select(x => x.Name).FirstOrDefault()
                       : null,
                   t.Name,
                   a.Evidence,
                   a.CancelledReason,
                   a.ClosedOn,
                   db.LearningPoints.Where(p => p.Id == a.LearningPointId).Select(p => p.Text).FirstOrDefault(),
                   a.Status == LearningActionStatus.Open && a.DueOn < today);
    }

    private async Task<LearningAction> OpenActionAsync(Case @case, Guid actionId, CancellationToken cancellationToken)
    {
        var action = await db.LearningActions.FirstOrDefaultAsync(a => a.Id == actionId && a.CaseId == @case.Id, cancellationToken)
            ?? throw new TransitionRefusedException("There is no such learning action on this complaint.");
        if (action.Status != LearningActionStatus.Open)
        {
            throw new TransitionRefusedException($"This learning action is already {action.Status.Describe().ToLowerInvariant()}, so it cannot be changed.");
        }

        return action;
    }

    /// <summary>
    /// Loads the complaint, checks its version, that the person can see it and may change its learning (by the
    /// policy, or as the action's owner); runs <paramref name="change"/>; saves once.
    /// </summary>
    private async Task ChangeAsync(Guid caseId, int expectedVersion, Guid? actionId, StaffMember who, Func<Case, Actor, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        try
        {
            var @case = await procedure.LoadAsync(caseId, cancellationToken);
            if (@case.Version != expectedVersion)
            {
                throw new StaleCaseException();
            }

            if (!await children.CanSeeAsync(who, @case, cancellationToken))
            {
                throw new TransitionRefusedException(ComplaintProcedure.NotShared);
            }

            var policy = await procedure.PolicyOfAsync(@case, cancellationToken);
            var role = policy.RoleFor(PolicyActions.AddLearningPoint, @case.State, who.Roles);
            if (role is null && actionId is { } id
                && await db.LearningActions.AnyAsync(a => a.Id == id && a.CaseId == caseId && a.OwnerId == who.UserId, cancellationToken))
            {
                role = who.Roles.Count > 0 ? who.Roles[0] : "owner";
            }

            if (role is null)
            {
                throw new TransitionRefusedException(CaseFindings.Refusal(policy, PolicyActions.AddLearningPoint, "set or change learning actions", @case.State));
            }

            await change(@case, who.As(role));

            // The case's version moves with every change to its learning, even when the clock has not moved since
            // its last save (so UpdatedAt alone would leave it unmodified): a form shown before this change is stale.
            db.Entry(@case).Property(c => c.UpdatedAt).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new StaleCaseException();
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
