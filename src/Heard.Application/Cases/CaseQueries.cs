using Heard.Application.Data;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Cases;

/// <summary>One row of a queue: enough to choose a case, nothing more.</summary>
public sealed record QueueRow(
    Guid Id,
    string Reference,
    CaseType Type,
    Audience Audience,
    Channel Channel,
    DateTime ReceivedAt,
    string State,
    string? ServiceArea,
    LawType? LawType);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>The case details page's view of a case.</summary>
public sealed record CaseView(
    Case Case,
    string? ServiceArea,
    string? Team,
    string? AssignedTo,
    string? Practitioner,
    IReadOnlyList<CaseEvent> History);

/// <summary>Reads for queues and the case page. Nothing here changes a case.</summary>
public sealed class CaseQueries(HeardDbContext db)
{
    /// <summary>
    /// Adults' complaints received and not yet acknowledged or triaged, newest first. Children's complaints go to
    /// the children's complaints manager's own queue (see <see cref="Children.ChildrensComplaints"/>).
    /// </summary>
    public async Task<Page<QueueRow>> NewComplaintsAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Cases.AsNoTracking().Where(c => c.Type == CaseType.Complaint && c.State == "received" && c.Audience != Audience.Child);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
        var rows = await query
            .OrderByDescending(c => c.ReceivedAt)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new QueueRow(
                c.Id,
                c.Reference,
                c.Type,
                c.Audience,
                c.Channel,
                c.ReceivedAt,
                c.State,
                db.ServiceAreas.Where(a => a.Id == c.ServiceAreaId).Select(a => a.Name).FirstOrDefault(),
                c.LawType))
            .ToListAsync(cancellationToken);
        return new Page<QueueRow>(rows, total, page, pageSize);
    }

    public Task<int> CountNewComplaintsAsync(CancellationToken cancellationToken = default) =>
        db.Cases.CountAsync(c => c.Type == CaseType.Complaint && c.State == "received" && c.Audience != Audience.Child, cancellationToken);

    public async Task<CaseView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var @case = await db.Cases.AsNoTracking()
            .Include(c => c.Issues.OrderBy(i => i.Number))
            .Include(c => c.FamilyCourtCase)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var history = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == id)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var area = @case.ServiceAreaId is { } a ? await db.ServiceAreas.Where(x => x.Id == a).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var team = @case.TeamId is { } t ? await db.Teams.Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var assigned = @case.AssignedToId is { } u ? await db.Users.Where(x => x.Id == u).Select(x => x.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        var practitioner = @case.PractitionerId is { } p ? await db.Users.Where(x => x.Id == p).Select(x => x.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        return new CaseView(@case, area, team, assigned, practitioner ?? @case.PractitionerName, history);
    }
}
