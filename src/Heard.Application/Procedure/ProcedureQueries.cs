using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Children;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Letters;
using Heard.Application.Themes;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Procedure;

/// <summary>A deadline as the case page shows it.</summary>
public sealed record DeadlineView(CaseDeadline Deadline, string Name, bool Overdue, bool DueSoon, bool HoldingLetterNeeded);

/// <summary>A step this person may take now by their role, and what (if anything) the case still lacks for it.</summary>
public sealed record ActionOffer(PolicyTransition Step, string Role, IReadOnlyList<string> NotYet)
{
    public bool Ready => NotYet.Count == 0;
}

public sealed record StaffChoice(Guid Id, string Name);

/// <summary>Everything the case page shows about a complaint's procedure, for one member of staff.</summary>
public sealed record ProcedureView(
    ProcedurePolicy Policy,
    int CaseVersion,
    string State,
    ComplaintProgress Progress,
    string? ResponsibleManager,
    string? LocalServiceManager,
    TimeLimitResult? TimeLimit,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<ActionOffer> Actions,
    IReadOnlyList<StaffChoice> ResponsibleManagers,
    IReadOnlyList<StaffChoice> LocalServiceManagers,
    IReadOnlyList<Letter> Letters,
    IReadOnlyList<Remedy> Remedies,
    IReadOnlyList<LearningPoint> LearningPoints,
    IReadOnlyList<Theme> Themes,
    bool CanRecordFindings,
    bool CanAddRemedy,
    bool CanApproveRemedies,
    bool CanAddLearning,
    bool CanWriteLetter,
    IReadOnlyList<(string Code, string Name)> LetterChoices,
    bool CanShare,
    IReadOnlyList<ShareView> Shares,
    IReadOnlyList<StaffChoice> ShareCandidates)
{
    public string ThemeName(string? code) => Themes.FirstOrDefault(t => t.Code == code)?.Name ?? code ?? "No theme";
}

/// <summary>Reads for the case page's procedure sections. Nothing here changes a case.</summary>
public sealed class ProcedureQueries(
    HeardDbContext db,
    PolicyCatalogue policies,
    CalendarStore calendars,
    LetterTemplates templates,
    ChildrensComplaints children,
    TimeProvider clock)
{
    /// <summary>The procedure view of a complaint, or null if it has no procedure (or is not a complaint).</summary>
    public async Task<ProcedureView?> ViewAsync(Guid caseId, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var @case = await db.Cases.AsNoTracking().Include(c => c.Issues).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || @case.Type != CaseType.Complaint || @case.PolicyCode is null)
        {
            return null;
        }

        var policy = await policies.GetAsync(@case.PolicyCode, cancellationToken);
        var calendar = await calendars.CurrentAsync(cancellationToken);
        var today = UkTime.Today(clock);
        var progress = await db.ComplaintProgress.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == caseId, cancellationToken) ?? new ComplaintProgress { CaseId = caseId };
        var awaiting = await db.Remedies.CountAsync(r => r.CaseId == caseId && r.NeedsApproval && r.ApprovedAt == null, cancellationToken);
        var facts = ComplaintProcedure.Facts(@case, progress, awaiting);
        var finished = ComplaintStates.Finished.Contains(@case.State);

        var stored = await db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(cancellationToken);
        var order = policy.Deadlines.Select(d => d.Kind).ToList();
        var deadlines = stored
            .OrderBy(d => order.IndexOf(d.Kind) is var i && i < 0 ? int.MaxValue : i)
            .Select(d =>
            {
                var open = d.MetOn is null && !finished;
                var holding = open && d.Kind == DeadlineKinds.Response && @case.State != ComplaintStates.ResponseSent
                    && DueSoon.HoldingLetterNeeded(calendar, today, d.DueOn);
                return new DeadlineView(d, CaseDeadlines.Describe(d.Kind), open && d.DueOn < today, open && d.DueOn >= today && d.DueOn <= DueSoon.Horizon(calendar, today), holding);
            })
            .ToList();

        var actions = new List<ActionOffer>();
        foreach (var step in policy.From(@case.State))
        {
            var check = policy.Check(step.Code, @case.State, who.Roles);
            if (check.IsAllowed)
            {
                actions.Add(new ActionOffer(step, check.Role!, ProcedureGuards.Unmet(policy, step, facts, calendar)));
            }
        }

        var managers = await StaffInRolesAsync(ComplaintProcedure.ManagerRoles(PolicyReader.ResponsibleManager), @case.ServiceAreaId, cancellationToken);
        var local = await StaffInRolesAsync(ComplaintProcedure.ManagerRoles(PolicyReader.LocalServiceManager), @case.ServiceAreaId, cancellationToken);
        var named = new[] { progress.ResponsibleManagerId, progress.LocalServiceManagerId }.OfType<Guid>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => named.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string? NameOf(Guid? id) => id is { } u ? names.GetValueOrDefault(u) : null;

        var letters = await db.Letters.AsNoTracking().Where(l => l.CaseId == caseId).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken);
        var remedies = await db.Remedies.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        var learning = await db.LearningPoints.AsNoTracking().Where(l => l.CaseId == caseId).OrderBy(l => l.RecordedAt).ToListAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var isChild = @case.Audience == Audience.Child;
        var canShare = isChild && who.Has(Roles.ChildrensComplaintsManager);

        return new ProcedureView(
            policy,
            @case.Version,
            @case.State,
            progress,
            NameOf(progress.ResponsibleManagerId),
            NameOf(progress.LocalServiceManagerId),
            policy.TimeLimit?.Check(calendar, @case.ReceivedOn, @case.InvolvementEndedOn),
            deadlines,
            actions,
            managers,
            local,
            letters,
            remedies,
            learning,
            themes,
            policy.RoleFor(PolicyActions.RecordFinding, @case.State, who.Roles) is not null,
            policy.RoleFor(PolicyActions.AddRemedy, @case.State, who.Roles) is not null,
            policy.RoleFor(PolicyActions.ApproveRemedy, @case.State, who.Roles) is not null,
            policy.RoleFor(PolicyActions.AddLearningPoint, @case.State, who.Roles) is not null,
            policy.RoleFor(PolicyActions.WriteLetter, @case.State, who.Roles) is not null,
            policy.Letters.Select(l => (l, templates.NameOf(l))).ToList(),
            canShare,
            isChild ? await children.SharesAsync(caseId, cancellationToken) : [],
            canShare ? (await children.ShareCandidatesAsync(cancellationToken)).Select(c => new StaffChoice(c.Id, c.Name)).ToList() : []);
    }

    /// <summary>Whether <paramref name="who"/> may see the case (the children's rule; see <see cref="ChildrensComplaints"/>).</summary>
    public Task<bool> CanSeeAsync(StaffMember who, Case @case, CancellationToken cancellationToken = default) =>
        children.CanSeeAsync(who, @case, cancellationToken);

    /// <summary>Active staff in <paramref name="roles"/>, those in the case's service area first.</summary>
    private async Task<IReadOnlyList<StaffChoice>> StaffInRolesAsync(IReadOnlyList<string> roles, Guid? areaId, CancellationToken cancellationToken)
    {
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => new { u.Id, u.DisplayName, u.JobTitle, u.ServiceAreaId })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => areaId is not null && r.ServiceAreaId == areaId ? 0 : 1)
            .ThenBy(r => r.DisplayName, StringComparer.CurrentCulture)
            .Select(r => new StaffChoice(r.Id, r.JobTitle is null ? r.DisplayName : $"{r.DisplayName}, {r.JobTitle}"))
            .ToList();
    }
}
