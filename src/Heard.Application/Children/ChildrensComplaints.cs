using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Application.Procedure;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Children;

/// <summary>One row of the children's complaints queue.</summary>
public sealed record ChildQueueRow(Guid Id, string Reference, DateOnly ReceivedOn, string State, DateOnly? FirstContactDueOn, DateOnly? FirstContactOn, DateOnly? ResponseDueOn, bool SharedWithMe);

public sealed record ShareView(Guid Id, Guid UserId, string UserName, string Reason, string SharedByName, DateTime SharedAt);

/// <summary>
/// Children's complaints are the most sensitive records Heard holds. Every one belongs to the children's
/// complaints manager, and only they and the people they share a case with can see it. <see cref="CanSee"/> is the
/// rule; the general scoping of cases calls it (or <see cref="VisibleTo"/> for a query) for every child's case.
/// </summary>
public sealed class ChildrensComplaints(HeardDbContext db, CaseHistory history, TimeProvider clock)
{
    /// <summary>The rule, for a case already known to be (or not to be) shared with <paramref name="who"/>.</summary>
    public static bool CanSee(StaffMember who, Audience audience, bool sharedWithThem)
    {
        ArgumentNullException.ThrowIfNull(who);
        return audience != Audience.Child || who.Has(Roles.ChildrensComplaintsManager) || sharedWithThem;
    }

    public async Task<bool> CanSeeAsync(StaffMember who, Case @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(@case);
        if (CanSee(who, @case.Audience, sharedWithThem: false))
        {
            return true;
        }

        return await IsSharedWithAsync(@case.Id, who.UserId, cancellationToken);
    }

    /// <summary><paramref name="cases"/> less the children's cases <paramref name="who"/> may not see.</summary>
    public IQueryable<Case> VisibleTo(IQueryable<Case> cases, StaffMember who)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(who);
        if (who.Has(Roles.ChildrensComplaintsManager))
        {
            return cases;
        }

        var userId = who.UserId;
        return cases.Where(c => c.Audience != Audience.Child
            || db.CaseShares.Any(s => s.CaseId == c.Id && s.UserId == userId && s.EndedAt == null));
    }

    public Task<bool> IsSharedWithAsync(Guid caseId, Guid userId, CancellationToken cancellationToken = default) =>
        db.CaseShares.AnyAsync(s => s.CaseId == caseId && s.UserId == userId && s.EndedAt == null, cancellationToken);

    /// <summary>Open children's complaints <paramref name="who"/> may see, the first-contact date soonest first.</summary>
    public async Task<Page<ChildQueueRow>> QueueAsync(StaffMember who, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var userId = who.UserId;
        var query = VisibleTo(db.Cases.AsNoTracking(), who)
            .Where(c => c.Type == CaseType.Complaint && c.Audience == Audience.Child && c.ClosedAt == null);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
        var rows = await query
            .Select(c => new
            {
                c.Id,
                c.Reference,
                c.ReceivedOn,
                c.State,
                FirstContactDue = db.CaseDeadlines.Where(d => d.CaseId == c.Id && d.Kind == "first-contact").Select(d => (DateOnly?)d.DueOn).FirstOrDefault(),
                FirstContactMet = db.CaseDeadlines.Where(d => d.CaseId == c.Id && d.Kind == "first-contact").Select(d => d.MetOn).FirstOrDefault(),
                ResponseDue = db.CaseDeadlines.Where(d => d.CaseId == c.Id && d.Kind == "response").Select(d => (DateOnly?)d.DueOn).FirstOrDefault(),
                Shared = db.CaseShares.Any(s => s.CaseId == c.Id && s.UserId == userId && s.EndedAt == null),
            })
            .OrderBy(r => r.ReceivedOn).ThenBy(r => r.Reference)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new Page<ChildQueueRow>(
            rows.Select(r => new ChildQueueRow(r.Id, r.Reference, r.ReceivedOn, r.State, r.FirstContactDue, r.FirstContactMet, r.ResponseDue, r.Shared)).ToList(),
            total, page, pageSize);
    }

    public async Task<IReadOnlyList<ShareView>> SharesAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        await db.CaseShares.AsNoTracking()
            .Where(s => s.CaseId == caseId && s.EndedAt == null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new ShareView(s.Id, s.UserId, u.DisplayName, s.Reason, s.SharedByName, s.SharedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Staff a child's complaint can be shared with: active people in a casework role.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ShareCandidatesAsync(CancellationToken cancellationToken = default)
    {
        var casework = Access.CaseAccessRules.CaseRoles.Where(r => r != Roles.ChildrensComplaintsManager).ToList();
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && casework.Contains(r.Name!))))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.JobTitle })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.JobTitle is null ? r.DisplayName : $"{r.DisplayName}, {r.JobTitle}")).ToList();
    }

    /// <summary>Shares a child's complaint with one member of staff. Only the children's complaints manager can.</summary>
    public async Task ShareAsync(Guid caseId, int expectedVersion, Guid? userId, string? reason, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var @case = await LoadForSharingAsync(caseId, expectedVersion, who, cancellationToken);
        var errors = new List<Intake.FieldError>();
        var user = userId is { } id ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.IsActive, cancellationToken) : null;
        if (user is null)
        {
            errors.Add(new Intake.FieldError("ShareWith", "Select who to share the complaint with"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new Intake.FieldError("ShareReason", "Enter why they need to see it"));
        }
        else if (reason.Length > Limits.Adjustments)
        {
            errors.Add(new Intake.FieldError("ShareReason", $"The reason must be {Limits.Adjustments:N0} characters or fewer"));
        }

        if (errors.Count > 0)
        {
            throw new Intake.ValidationFailedException(errors);
        }

        if (await IsSharedWithAsync(caseId, user!.Id, cancellationToken))
        {
            throw new Intake.ValidationFailedException([new Intake.FieldError("ShareWith", $"The complaint is already shared with {user.DisplayName}")]);
        }

        db.CaseShares.Add(new CaseShare
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            UserId = user.Id,
            Reason = reason!.Trim(),
            SharedById = who.UserId,
            SharedByName = who.Name,
            SharedAt = clock.GetUtcNow().UtcDateTime,
        });
        history.Record(@case, who.As(Roles.ChildrensComplaintsManager), "shared", $"Shared with {user.DisplayName}", reason: reason.Trim(), data: new { userId = user.Id });
        await SaveAsync(cancellationToken);
    }

    public async Task StopSharingAsync(Guid caseId, int expectedVersion, Guid shareId, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var @case = await LoadForSharingAsync(caseId, expectedVersion, who, cancellationToken);
        var share = await db.CaseShares.FirstOrDefaultAsync(s => s.Id == shareId && s.CaseId == caseId && s.EndedAt == null, cancellationToken)
            ?? throw new TransitionRefusedException("That sharing has already stopped.");
        var name = await db.Users.Where(u => u.Id == share.UserId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        share.EndedAt = clock.GetUtcNow().UtcDateTime;
        share.EndedByName = who.Name;
        history.Record(@case, who.As(Roles.ChildrensComplaintsManager), "share-ended", $"No longer shared with {name}", data: new { userId = share.UserId });
        await SaveAsync(cancellationToken);
    }

    private async Task<Case> LoadForSharingAsync(Guid caseId, int expectedVersion, StaffMember who, CancellationToken cancellationToken)
    {
        if (!who.Has(Roles.ChildrensComplaintsManager))
        {
            throw new TransitionRefusedException("Only the children's complaints manager can share a child's complaint.");
        }

        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new TransitionRefusedException("There is no such case.");
        if (@case.Audience != Audience.Child)
        {
            throw new TransitionRefusedException("Only a child's complaint is shared this way.");
        }

        if (@case.Version != expectedVersion)
        {
            throw new StaleCaseException();
        }

        return @case;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new StaleCaseException();
        }
    }

    /// <summary>Whether a state is one the children's queue shows (a case not yet finished).</summary>
    public static bool IsOpen(string state) => !ComplaintStates.Finished.Contains(state);
}
