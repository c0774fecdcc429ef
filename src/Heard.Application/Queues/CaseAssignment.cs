using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Queues;

/// <summary>Someone or some team a case can be given to.</summary>
public sealed record Assignee(Guid Id, string Name, string? Detail);

/// <summary>
/// Assigns and reassigns cases to a person and/or a team. Only someone who can see the case may assign it; the
/// change and who made it go into the case's history in the same save. Assigning a restricted case to someone
/// names them on it, or they could not open what they were given.
/// </summary>
public sealed class CaseAssignment(HeardDbContext db, CaseAccess access, CaseHistory history, TimeProvider clock)
{
    /// <summary>People who can sign in and work with cases, by name.</summary>
    public async Task<IReadOnlyList<Assignee>> PeopleAsync(CancellationToken cancellationToken = default)
    {
        var caseRoles = await db.Roles.Where(r => CaseAccessRules.CaseRoles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && caseRoles.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new Assignee(u.Id, u.DisplayName, u.JobTitle))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Assignee>> TeamsAsync(CancellationToken cancellationToken = default) =>
        await db.Teams.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new Assignee(t.Id, t.Name, null))
            .ToListAsync(cancellationToken);

    public async Task<CaseChange> AssignAsync(Viewer viewer, Guid caseId, int expectedVersion, Guid? personId, Guid? teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var @case = await access.Visible(viewer).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null)
        {
            return CaseChange.NotFound;
        }

        if (!CaseAccessRules.WorksWithCases(viewer))
        {
            return CaseChange.Forbidden;
        }

        if (@case.Version != expectedVersion)
        {
            return CaseChange.Stale;
        }

        var people = await PeopleAsync(cancellationToken);
        var person = personId is null ? null : people.FirstOrDefault(p => p.Id == personId);
        if (personId is not null && person is null)
        {
            return CaseChange.Invalid("PersonId", "Select a person from the list");
        }

        var team = teamId is null ? null : await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (teamId is not null && team is null)
        {
            return CaseChange.Invalid("TeamId", "Select a team from the list");
        }

        if (@case.AssignedToId == personId && @case.TeamId == teamId)
        {
            return CaseChange.Done;
        }

        var before = new
        {
            person = @case.AssignedToId is { } p ? await db.Users.Where(u => u.Id == p).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) : null,
            team = @case.TeamId is { } t ? await db.Teams.Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null,
        };
        @case.AssignedToId = personId;
        @case.TeamId = teamId;
        if (@case.Restricted && personId is { } named && !await db.CaseAccessGrants.AnyAsync(g => g.CaseId == caseId && g.UserId == named, cancellationToken))
        {
            db.CaseAccessGrants.Add(new CaseAccessGrant { Id = Guid.CreateVersion7(), CaseId = caseId, UserId = named, GrantedAt = clock.GetUtcNow().UtcDateTime, GrantedById = viewer.UserId });
        }

        var to = (person?.Name, team?.Name) switch
        {
            (null, null) => "nobody",
            ({ } who, null) => who,
            (null, { } which) => which,
            var (who, which) => $"{who} ({which})",
        };
        var from = (before.person, before.team) switch
        {
            (null, null) => null,
            ({ } who, null) => who,
            (null, { } which) => which,
            var (who, which) => $"{who} ({which})",
        };
        history.Record(@case, viewer.ToActor(), "assigned",
            from is null ? $"Assigned to {to}" : $"Reassigned from {from} to {to}",
            data: new { before, after = new { personId, teamId } });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CaseChange.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CaseChange.Stale;
        }
    }
}
