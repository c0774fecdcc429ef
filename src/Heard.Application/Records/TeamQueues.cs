using Heard.Application.Calendar;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Records;

public enum Urgency
{
    None = 0,
    OnTrack = 1,
    DueSoon = 2,
    Overdue = 3,
}

/// <summary>One row of a team's queue: what it is, when it is due and how urgent, and what needs attention.</summary>
public sealed record TeamQueueRow(Guid Id, string Reference, DateOnly ReceivedOn, string State, string Title, DateOnly? DueOn, Urgency Urgency, IReadOnlyList<string> Flags);

/// <summary>A team's queue with its counts: open, overdue and due soon (within <see cref="DueSoon.WorkingDays"/> working days).</summary>
public sealed record TeamQueueView(IReadOnlyList<TeamQueueRow> Rows, DateOnly Today, int Overdue, int DueSoon, int OverdueRecommendations = 0)
{
    public int Open => Rows.Count;
}

/// <summary>
/// The queues of the teams that handle the record types: communications (MP enquiries), information rights (subject
/// access requests) and the complaints team (compliments to pass on, Ombudsman cases). Open records only, most
/// urgent first. Meant to fold into the general, scoped queues later.
/// </summary>
public sealed class TeamQueues(HeardDbContext db, CalendarStore calendars, TimeProvider clock)
{
    public async Task<TeamQueueView> MpEnquiriesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Type == CaseType.MpEnquiry && c.ClosedAt == null)
            .Join(db.MpEnquiries, c => c.Id, m => m.CaseId, (c, m) => new { c.Id, c.Reference, c.ReceivedOn, c.State, m.MpName, m.Constituency, Consent = m.ConsentRecordedOn != null })
            .Select(x => new
            {
                x.Id, x.Reference, x.ReceivedOn, x.State, x.MpName, x.Constituency, x.Consent,
                Due = db.CaseDeadlines.Where(d => d.CaseId == x.Id && d.Kind == RecordDeadlineKinds.MpResponse).Select(d => (DateOnly?)d.DueOn).FirstOrDefault(),
                Linked = db.CaseLinks.Any(l => l.CaseId == x.Id),
            })
            .ToListAsync(cancellationToken);
        return await BuildAsync(rows.Select(x => (x.Id, x.Reference, x.ReceivedOn, x.State,
            $"{x.MpName}{(x.Constituency is null ? "" : $" ({x.Constituency})")}", x.Due,
            Flags(!x.Consent ? "Consent not recorded" : null, x.Linked ? "Linked to a complaint" : null))), cancellationToken);
    }

    public async Task<TeamQueueView> SubjectAccessAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Type == CaseType.SubjectAccessRequest && c.ClosedAt == null)
            .Join(db.SubjectAccessRequests, c => c.Id, s => s.CaseId, (c, s) => new { c.Id, c.Reference, c.ReceivedOn, c.State, s.Relationship })
            .Select(x => new
            {
                x.Id, x.Reference, x.ReceivedOn, x.State, x.Relationship,
                Deadline = db.CaseDeadlines.Where(d => d.CaseId == x.Id && d.Kind == RecordDeadlineKinds.SarResponse).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return await BuildAsync(rows.Select(x => (x.Id, x.Reference, x.ReceivedOn, x.State, x.Relationship.Describe(), x.Deadline?.DueOn,
            Flags(
                x.Deadline is null ? "Clock not started: waiting for proof of identity" : null,
                x.Deadline?.Pauses.Any(p => p.RestartedOn == null) == true ? "Clock stopped: waiting for clarification" : null,
                x.Deadline?.Extensions.Count > 0 ? "Extended (complex request)" : null))), cancellationToken);
    }

    public async Task<TeamQueueView> ComplimentsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Type == CaseType.Compliment && c.ClosedAt == null)
            .Join(db.Compliments, c => c.Id, m => m.CaseId, (c, m) => new { c.Id, c.Reference, c.ReceivedOn, c.State, m.StaffNameGiven, m.StaffMemberId, c.PractitionerName })
            .Select(x => new
            {
                x.Id, x.Reference, x.ReceivedOn, x.State, x.StaffMemberId,
                For = db.Users.Where(u => u.Id == x.StaffMemberId).Select(u => u.DisplayName).FirstOrDefault() ?? x.StaffNameGiven ?? x.PractitionerName,
                Due = db.CaseDeadlines.Where(d => d.CaseId == x.Id && d.Kind == RecordDeadlineKinds.ComplimentPassOn).Select(d => (DateOnly?)d.DueOn).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return await BuildAsync(rows.Select(x => (x.Id, x.Reference, x.ReceivedOn, x.State, x.For is null ? "For: not known" : $"For: {x.For}", x.Due,
            Flags(x.StaffMemberId is null ? "Member of staff not yet matched" : null))), cancellationToken);
    }

    public async Task<TeamQueueView> OmbudsmanAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Type == CaseType.OmbudsmanCase && c.ClosedAt == null)
            .Join(db.OmbudsmanCases, c => c.Id, o => o.CaseId, (c, o) => new { c.Id, c.Reference, c.ReceivedOn, c.State, o.PhsoReference, o.Stage })
            .Select(x => new
            {
                x.Id, x.Reference, x.ReceivedOn, x.State, x.PhsoReference, x.Stage,
                Information = db.OmbudsmanInformationRequests.Where(r => r.CaseId == x.Id && r.SentOn == null).Select(r => (DateOnly?)r.DueOn).Min(),
                Recommendation = db.OmbudsmanRecommendations.Where(r => r.CaseId == x.Id && r.CompliedOn == null).Select(r => (DateOnly?)r.ComplianceDueOn).Min(),
                OverdueRecommendations = db.OmbudsmanRecommendations.Count(r => r.CaseId == x.Id && r.CompliedOn == null && r.ComplianceDueOn < today),
            })
            .ToListAsync(cancellationToken);
        var queue = await BuildAsync(rows.Select(x => (x.Id, x.Reference, x.ReceivedOn, x.State, $"Ombudsman reference {x.PhsoReference}",
            Earliest(x.Information, x.Recommendation),
            Flags(x.Information is not null ? $"Information due {x.Information:d MMM yyyy}" : null,
                x.OverdueRecommendations > 0 ? $"{x.OverdueRecommendations} recommendation{(x.OverdueRecommendations == 1 ? "" : "s")} overdue" : null))), cancellationToken);
        return queue with { OverdueRecommendations = await CountOverdueRecommendationsAsync(cancellationToken) };
    }

    /// <summary>Recommendations past their compliance date with no evidence of compliance, across every Ombudsman case.</summary>
    public Task<int> CountOverdueRecommendationsAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        return db.OmbudsmanRecommendations.CountAsync(r => r.CompliedOn == null && r.ComplianceDueOn < today, cancellationToken);
    }

    private async Task<TeamQueueView> BuildAsync(IEnumerable<(Guid Id, string Reference, DateOnly ReceivedOn, string State, string Title, DateOnly? Due, IReadOnlyList<string> Flags)> items, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var horizon = DueSoon.Horizon(await calendars.CurrentAsync(cancellationToken), today);
        var rows = items.Select(i => new TeamQueueRow(i.Id, i.Reference, i.ReceivedOn, i.State, i.Title, i.Due,
                i.Due is not { } due ? Urgency.None : due < today ? Urgency.Overdue : due <= horizon ? Urgency.DueSoon : Urgency.OnTrack, i.Flags))
            .OrderByDescending(r => r.Urgency == Urgency.Overdue)
            .ThenBy(r => r.DueOn ?? DateOnly.MaxValue)
            .ThenBy(r => r.ReceivedOn)
            .ToList();
        return new TeamQueueView(rows, today, rows.Count(r => r.Urgency == Urgency.Overdue), rows.Count(r => r.Urgency == Urgency.DueSoon));
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

#pragma warning disable CA1859 // the queue's tuples need the interface type
    private static IReadOnlyList<string> Flags(params string?[] flags) => flags.Where(f => f is not null).Select(f => f!).ToList();
#pragma warning restore CA1859
}
