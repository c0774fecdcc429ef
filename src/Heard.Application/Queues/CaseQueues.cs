using System.Linq.Expressions;
using Heard.Application.Access;
using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Queues;

/// <summary>The work queues of the staff workspace.</summary>
public enum QueueKind
{
    Mine = 1,
    Team,
    Unassigned,
    DueSoon,
    Overdue,
    HoldingLetter,
    AwaitingConsent,
    New,
}

public enum QueueSort
{
    Due = 1,
    Received,
    Reference,
    State,
}

/// <summary>Filters and order for a queue. Nothing here is personal, so all of it can travel in the query string.</summary>
public sealed record QueueFilter(
    CaseType? Type = null,
    Guid? AreaId = null,
    LawType? LawType = null,
    string? Policy = null,
    string? State = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null,
    QueueSort Sort = QueueSort.Due,
    bool Descending = false);

/// <summary>One row of a work queue.</summary>
public sealed record WorkRow(
    Guid Id,
    string Reference,
    CaseType Type,
    Audience Audience,
    DateOnly ReceivedOn,
    string State,
    string? ServiceArea,
    LawType? LawType,
    string? PolicyCode,
    string? AssignedTo,
    DateOnly? NextDue,
    bool Restricted);

/// <summary>
/// The queues: each is the viewer's visible open cases narrowed by one predicate, then filtered, sorted and paged
/// in the database. The "due soon" and "holding letter needed" horizons come from <see cref="DueSoon"/>.
/// </summary>
public sealed class CaseQueues(HeardDbContext db, CaseAccess access, CalendarStore calendars, TimeProvider clock)
{
    /// <summary>
    /// The event kind that says a holding letter has gone: the complaints procedure records its holding-letter
    /// step under the step's own code. Until then, a case whose response is close shows in the queue.
    /// </summary>
    public const string HoldingLetterSentEvent = Heard.Domain.Procedure.ProcedureSteps.HoldingLetter;

    public static readonly IReadOnlyList<QueueKind> All =
    [
        QueueKind.Mine, QueueKind.Team, QueueKind.Unassigned, QueueKind.DueSoon, QueueKind.Overdue,
        QueueKind.HoldingLetter, QueueKind.AwaitingConsent,
    ];

    public static string Describe(QueueKind kind) => kind switch
    {
        QueueKind.Mine => "Assigned to me",
        QueueKind.Team => "My team's",
        QueueKind.Unassigned => "Unassigned",
        QueueKind.DueSoon => "Due in the next 3 working days",
        QueueKind.Overdue => "Overdue",
        QueueKind.HoldingLetter => "Holding letter needed",
        QueueKind.AwaitingConsent => "Awaiting consent",
        QueueKind.New => "New complaints",
        _ => kind.ToString(),
    };

    public static string Slug(QueueKind kind) => kind switch
    {
        QueueKind.Mine => "mine",
        QueueKind.Team => "team",
        QueueKind.Unassigned => "unassigned",
        QueueKind.DueSoon => "due-soon",
        QueueKind.Overdue => "overdue",
        QueueKind.HoldingLetter => "holding-letter",
        QueueKind.AwaitingConsent => "awaiting-consent",
        _ => "new",
    };

    public static QueueKind? FromSlug(string? slug) =>
        All.Append(QueueKind.New).Cast<QueueKind?>().FirstOrDefault(k => Slug(k!.Value) == slug);

    public async Task<Page<WorkRow>> QueueAsync(Viewer viewer, QueueKind kind, QueueFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filter(await InQueueAsync(viewer, kind, cancellationToken), filter);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
        var rows = await Sort(Project(query), filter)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(r => r.ToRow())
            .ToListAsync(cancellationToken);
        return new Page<WorkRow>(rows, total, page, pageSize);
    }

    /// <summary>How many cases are in each queue for the viewer (the staff home page).</summary>
    public async Task<IReadOnlyDictionary<QueueKind, int>> CountsAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<QueueKind, int>();
        foreach (var kind in All)
        {
            counts[kind] = await (await InQueueAsync(viewer, kind, cancellationToken)).CountAsync(cancellationToken);
        }

        return counts;
    }

    /// <summary>One page of rows for cases already chosen and checked (search results), most recently received first.</summary>
    internal async Task<Page<WorkRow>> PageAsync(IQueryable<Case> cases, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await cases.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
        var rows = await Project(cases)
            .OrderByDescending(r => r.ReceivedOn).ThenBy(r => r.Reference)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(r => r.ToRow())
            .ToListAsync(cancellationToken);
        return new Page<WorkRow>(rows, total, page, pageSize);
    }

    private async Task<IQueryable<Case>> InQueueAsync(Viewer viewer, QueueKind kind, CancellationToken cancellationToken)
    {
        var open = access.Visible(viewer).Where(c => c.ClosedAt == null);
        var today = UkTime.Today(clock);
        switch (kind)
        {
            case QueueKind.Mine:
                var me = viewer.UserId;
                return me is null ? open.Where(c => false) : open.Where(c => c.AssignedToId == me);
            case QueueKind.Team:
                var team = viewer.TeamId;
                return team is null ? open.Where(c => false) : open.Where(c => c.TeamId == team);
            case QueueKind.Unassigned:
                return open.Where(c => c.AssignedToId == null);
            case QueueKind.DueSoon:
                var horizon = DueSoon.Horizon(await calendars.CurrentAsync(cancellationToken), today);
                return open.Where(c => db.CaseDeadlines.Any(d => d.CaseId == c.Id && d.MetOn == null && d.DueOn >= today && d.DueOn <= horizon));
            case QueueKind.Overdue:
                return open.Where(c => db.CaseDeadlines.Any(d => d.CaseId == c.Id && d.MetOn == null && d.DueOn < today));
            case QueueKind.HoldingLetter:
                return open.Where(HoldingLetterNeeded(DueSoon.Horizon(await calendars.CurrentAsync(cancellationToken), today)));
            case QueueKind.AwaitingConsent:
                return open.Where(c => c.State == ComplaintStates.AwaitingConsent);
            default:
                return open.Where(c => c.Type == CaseType.Complaint && c.State == ComplaintStates.Received);
        }
    }

    /// <summary>
    /// "Holding letter needed", in one place: an open response deadline within the due-soon horizon
    /// (<see cref="DueSoon.HoldingLetterNeeded"/>) and no holding letter sent yet.
    /// </summary>
    public Expression<Func<Case, bool>> HoldingLetterNeeded(DateOnly horizon) =>
        c => db.CaseDeadlines.Any(d => d.CaseId == c.Id && d.Kind == DeadlineKinds.Response && d.MetOn == null && d.DueOn <= horizon)
            && !db.CaseEvents.Any(e => e.CaseId == c.Id && e.Kind == HoldingLetterSentEvent);

    private IQueryable<Case> Filter(IQueryable<Case> query, QueueFilter filter)
    {
        if (filter.Type is { } type)
        {
            query = query.Where(c => c.Type == type);
        }

        if (filter.AreaId is { } area)
        {
            query = query.Where(c => c.ServiceAreaId == area);
        }

        if (filter.LawType is { } law)
        {
            query = query.Where(c => c.LawType == law);
        }

        if (!string.IsNullOrWhiteSpace(filter.Policy))
        {
            query = query.Where(c => c.PolicyCode == filter.Policy);
        }

        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            query = query.Where(c => c.State == filter.State);
        }

        if (filter.DueFrom is { } from)
        {
            query = query.Where(c => db.CaseDeadlines.Any(d => d.CaseId == c.Id && d.MetOn == null && d.DueOn >= from));
        }

        if (filter.DueTo is { } to)
        {
            query = query.Where(c => db.CaseDeadlines.Any(d => d.CaseId == c.Id && d.MetOn == null && d.DueOn <= to));
        }

        return query;
    }

    private IQueryable<RowData> Project(IQueryable<Case> query) =>
        query.Select(c => new RowData
        {
            Id = c.Id,
            Reference = c.Reference,
            Type = c.Type,
            Audience = c.Audience,
            ReceivedOn = c.ReceivedOn,
            State = c.State,
            ServiceArea = db.ServiceAreas.Where(a => a.Id == c.ServiceAreaId).Select(a => a.Name).FirstOrDefault(),
            LawType = c.LawType,
            PolicyCode = c.PolicyCode,
            AssignedTo = db.Users.Where(u => u.Id == c.AssignedToId).Select(u => u.DisplayName).FirstOrDefault(),
            NextDue = db.CaseDeadlines.Where(d => d.CaseId == c.Id && d.MetOn == null).OrderBy(d => d.DueOn).Select(d => (DateOnly?)d.DueOn).FirstOrDefault(),
            Restricted = c.Restricted,
        });

    /// <summary>A row as the database builds it (settable members, so it can still be sorted in SQL).</summary>
    internal sealed class RowData
    {
        public Guid Id { get; init; }
        public string Reference { get; init; } = "";
        public CaseType Type { get; init; }
        public Audience Audience { get; init; }
        public DateOnly ReceivedOn { get; init; }
        public string State { get; init; } = "";
        public string? ServiceArea { get; init; }
        public LawType? LawType { get; init; }
        public string? PolicyCode { get; init; }
        public string? AssignedTo { get; init; }
        public DateOnly? NextDue { get; init; }
        public bool Restricted { get; init; }

        public WorkRow ToRow() => new(Id, Reference, Type, Audience, ReceivedOn, State, ServiceArea, LawType, PolicyCode, AssignedTo, NextDue, Restricted);
    }

    private static IQueryable<RowData> Sort(IQueryable<RowData> rows, QueueFilter filter) => (filter.Sort, filter.Descending) switch
    {
        // Cases with no date promised go last either way, on both databases.
        (QueueSort.Due, false) => rows.OrderBy(r => r.NextDue == null).ThenBy(r => r.NextDue).ThenBy(r => r.Reference),
        (QueueSort.Due, true) => rows.OrderBy(r => r.NextDue == null).ThenByDescending(r => r.NextDue).ThenBy(r => r.Reference),
        (QueueSort.Received, false) => rows.OrderBy(r => r.ReceivedOn).ThenBy(r => r.Reference),
        (QueueSort.Received, true) => rows.OrderByDescending(r => r.ReceivedOn).ThenBy(r => r.Reference),
        (QueueSort.State, false) => rows.OrderBy(r => r.State).ThenBy(r => r.Reference),
        (QueueSort.State, true) => rows.OrderByDescending(r => r.State).ThenBy(r => r.Reference),
        (_, true) => rows.OrderByDescending(r => r.Reference),
        _ => rows.OrderBy(r => r.Reference),
    };
}
