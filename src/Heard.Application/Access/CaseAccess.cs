using System.Linq.Expressions;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Identity;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Access;

/// <summary>One line of the access log as the log page shows it.</summary>
public sealed record AccessLogRow(DateTime At, Guid CaseId, string Reference, string ViewerName, string? ViewerRole, string Via);

/// <summary>Someone named on a restricted case.</summary>
public sealed record NamedPerson(Guid UserId, string Name, string? JobTitle);

/// <summary>
/// The one gate to case content. <see cref="Visible"/> is the filter every case read starts from (queues, search,
/// the API); <see cref="CanSeeAsync"/> answers for a single case with the same rule, so a page and a queue can never
/// disagree. A case the viewer may not see is reported as not found, never as forbidden, so guessing an address
/// tells nobody that a case exists.
/// </summary>
public sealed class CaseAccess(HeardDbContext db, CaseHistory history, TimeProvider clock, IEnumerable<ICaseVisibilityRule> sharingRules)
{
    /// <summary>Every case <paramref name="viewer"/> may see, as a query still to be filtered, sorted and paged.</summary>
    public IQueryable<Case> Visible(Viewer viewer) => db.Cases.Where(Rule(viewer));

    /// <summary>The visibility rule for <paramref name="viewer"/> as an expression the database evaluates.</summary>
    public Expression<Func<Case, bool>> Rule(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var parts = new List<Expression<Func<Case, bool>>>(CaseAccessRules.ByRole(viewer));
        if (viewer.UserId is { } assignee && CaseAccessRules.WorksWithCases(viewer))
        {
            parts.Add(c => c.AssignedToId == assignee);
        }

        foreach (var rule in sharingRules)
        {
            if (rule.SharedWith(viewer) is { } shared)
            {
                parts.Add(shared);
            }
        }

        var general = CaseAccessRules.Or(parts);
        var userId = viewer.UserId;
        Expression<Func<Case, bool>> named = userId is null
            ? c => false
            : c => c.Restricted && db.CaseAccessGrants.Any(g => g.CaseId == c.Id && g.UserId == userId);
        Expression<Func<Case, bool>> open = c => !c.Restricted;

        var parameter = Expression.Parameter(typeof(Case), "c");
        var body = Expression.OrElse(
            Expression.AndAlso(Replace(open, parameter), Replace(general, parameter)),
            Replace(named, parameter));
        return Expression.Lambda<Func<Case, bool>>(body, parameter);
    }

    public Task<bool> CanSeeAsync(Viewer viewer, Guid caseId, CancellationToken cancellationToken = default) =>
        Visible(viewer).AnyAsync(c => c.Id == caseId, cancellationToken);

    /// <summary>Writes one line to the access log and saves it, in the request that showed the case.</summary>
    public async Task RecordViewAsync(Viewer viewer, Guid caseId, string via, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        db.CaseAccessLogs.Add(new CaseAccessLog
        {
            CaseId = caseId,
            UserId = viewer.UserId,
            ServiceAccountId = viewer.ServiceAccountId,
            ViewerName = viewer.Name,
            ViewerRole = viewer.MainRole,
            At = clock.GetUtcNow().UtcDateTime,
            Via = via,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NamedPerson>> NamedPeopleAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        await db.CaseAccessGrants.AsNoTracking()
            .Where(g => g.CaseId == caseId)
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => u)
            .OrderBy(u => u.DisplayName)
            .Select(u => new NamedPerson(u.Id, u.DisplayName, u.JobTitle))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Restricts a case to named people, or lifts the restriction. Whoever restricts it is named first, so they
    /// cannot lock themselves out; the change and its reason go into the history.
    /// </summary>
    public async Task<CaseChange> SetRestrictedAsync(Viewer viewer, Guid caseId, int expectedVersion, bool restricted, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (@case, refusal) = await LoadForChangeAsync(viewer, caseId, expectedVersion, cancellationToken);
        if (@case is null)
        {
            return refusal!;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseChange.Invalid("Reason", restricted ? "Enter why this case must be restricted" : "Enter why the restriction can be lifted");
        }

        if (reason.Length > Limits.AccessReason)
        {
            return CaseChange.Invalid("Reason", $"The reason must be {Limits.AccessReason:N0} characters or fewer");
        }

        if (@case.Restricted == restricted)
        {
            return CaseChange.Done;
        }

        @case.Restricted = restricted;
        if (restricted && viewer.UserId is { } me && !await db.CaseAccessGrants.AnyAsync(g => g.CaseId == caseId && g.UserId == me, cancellationToken))
        {
            db.CaseAccessGrants.Add(new CaseAccessGrant { Id = Guid.CreateVersion7(), CaseId = caseId, UserId = me, GrantedAt = Now, GrantedById = me });
        }

        history.Record(@case, viewer.ToActor(), restricted ? "restricted" : "unrestricted",
            restricted ? $"Restricted to named people (named: {viewer.Name})" : "Restriction lifted: visible to everyone whose role covers it",
            reason: reason.Trim(), data: new { restricted });
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Names a member of staff on a restricted case.</summary>
    public async Task<CaseChange> NameAsync(Viewer viewer, Guid caseId, int expectedVersion, Guid? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (@case, refusal) = await LoadForChangeAsync(viewer, caseId, expectedVersion, cancellationToken);
        if (@case is null)
        {
            return refusal!;
        }

        var person = userId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        if (person is null)
        {
            return CaseChange.Invalid("PersonId", "Select the person who may see this case");
        }

        if (await db.CaseAccessGrants.AnyAsync(g => g.CaseId == caseId && g.UserId == person.Id, cancellationToken))
        {
            return CaseChange.Done;
        }

        db.CaseAccessGrants.Add(new CaseAccessGrant { Id = Guid.CreateVersion7(), CaseId = caseId, UserId = person.Id, GrantedAt = Now, GrantedById = viewer.UserId });
        history.Record(@case, viewer.ToActor(), "access-granted", $"{person.DisplayName} may now see this case", data: new { userId = person.Id });
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Takes a named person off a restricted case. The last person cannot be removed while it is restricted.</summary>
    public async Task<CaseChange> UnnameAsync(Viewer viewer, Guid caseId, int expectedVersion, Guid userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (@case, refusal) = await LoadForChangeAsync(viewer, caseId, expectedVersion, cancellationToken);
        if (@case is null)
        {
            return refusal!;
        }

        var grants = await db.CaseAccessGrants.Where(g => g.CaseId == caseId).ToListAsync(cancellationToken);
        var grant = grants.FirstOrDefault(g => g.UserId == userId);
        if (grant is null)
        {
            return CaseChange.Done;
        }

        if (@case.Restricted && grants.Count == 1)
        {
            return CaseChange.Invalid("PersonId", "A restricted case must have at least one named person. Name someone else first, or lift the restriction");
        }

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "A member of staff";
        db.CaseAccessGrants.Remove(grant);
        history.Record(@case, viewer.ToActor(), "access-removed", $"{name} may no longer see this case", data: new { userId });
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Who viewed cases, newest first; for one case when <paramref name="caseId"/> is given.</summary>
    public async Task<Page<AccessLogRow>> LogAsync(Guid? caseId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.CaseAccessLogs.AsNoTracking();
        if (caseId is { } id)
        {
            query = query.Where(l => l.CaseId == id);
        }

        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
        var rows = await query
            .OrderByDescending(l => l.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Join(db.Cases, l => l.CaseId, c => c.Id, (l, c) => new AccessLogRow(l.At, l.CaseId, c.Reference, l.ViewerName, l.ViewerRole, l.Via))
            .ToListAsync(cancellationToken);
        return new Page<AccessLogRow>(rows, total, page, pageSize);
    }

    /// <summary>Loads a case for a change to who may see it, refusing unknown, unseen, forbidden and stale requests.</summary>
    private async Task<(Case? Case, CaseChange? Refusal)> LoadForChangeAsync(Viewer viewer, Guid caseId, int expectedVersion, CancellationToken cancellationToken)
    {
        var @case = await Visible(viewer).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null)
        {
            return (null, CaseChange.NotFound);
        }

        if (!CaseAccessRules.ManagesRestrictions(viewer))
        {
            return (null, CaseChange.Forbidden);
        }

        if (@case.Version != expectedVersion)
        {
            return (null, CaseChange.Stale);
        }

        return (@case, null);
    }

    private async Task<CaseChange> SaveAsync(CancellationToken cancellationToken)
    {
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

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Expression Replace(Expression<Func<Case, bool>> lambda, ParameterExpression parameter) =>
        new Swap(lambda.Parameters[0], parameter).Visit(lambda.Body);

    private sealed class Swap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
