using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Api;

/// <summary>A case's status for another system: where it is and what is due, never who it is from or what it says.</summary>
public sealed record CaseStatus(
    Guid Id,
    string Reference,
    CaseType Type,
    Audience Audience,
    string State,
    DateOnly ReceivedOn,
    DateOnly? ResponseDueOn,
    bool Closed,
    DateTime UpdatedAt);

/// <summary>Status reads for the API, through the same access rule as every other read.</summary>
public sealed class CaseStatuses(HeardDbContext db, CaseAccess access)
{
    public const int MaxPageSize = 100;

    public async Task<CaseStatus?> FindAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        var status = await Project(access.Visible(viewer).Where(c => c.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (status is not null)
        {
            await access.RecordViewAsync(viewer, id, "api-status", cancellationToken);
        }

        return status;
    }

    /// <summary>Cases changed after <paramref name="since"/>, oldest change first, so a client can page forward.</summary>
    public async Task<Page<CaseStatus>> ChangedSinceAsync(Viewer viewer, DateTime since, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = access.Visible(viewer).Where(c => c.UpdatedAt > since);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Max(1, page);
        var items = await Project(query.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id))
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new Page<CaseStatus>(items, total, page, pageSize);
    }

    private IQueryable<CaseStatus> Project(IQueryable<Case> cases) =>
        cases.Select(c => new CaseStatus(
            c.Id,
            c.Reference,
            c.Type,
            c.Audience,
            c.State,
            c.ReceivedOn,
            db.CaseDeadlines.Where(d => d.CaseId == c.Id && d.Kind == DeadlineKinds.Response && d.MetOn == null).Select(d => (DateOnly?)d.DueOn).FirstOrDefault(),
            c.ClosedAt != null,
            c.UpdatedAt));
}
