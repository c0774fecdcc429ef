using System.Globalization;
using System.Text;
using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Email;
using Heard.Application.Intake;
using Heard.Application.Tracking;
using Heard.Domain.Calendar;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heard.Application.Scheduling;

/// <summary>
/// The scheduled promises-keeping: each morning every handler gets one email of what falls due within the due-soon
/// horizon, and the manager of each handler hears of each deadline that has passed. Emails go through the outbox in
/// the same save as the history entries; both are idempotent, so a job that runs twice sends nothing twice.
/// Emails name cases by reference only: nothing about the person leaves Heard by email.
/// </summary>
public sealed class DeadlineReminders(HeardDbContext db, CalendarStore calendars, CaseHistory history, Outbox outbox, TimeProvider clock, IOptions<TrackingSettings> links)
{
    public const string ReminderPurpose = "reminder";
    public const string EscalationPurpose = "escalation";
    public const string EscalatedEvent = "escalated";

    private sealed record Due(Guid CaseId, string Reference, Guid HandlerId, string Kind, DateOnly DueOn);

    /// <summary>Queues today's reminder to each handler with something due; returns how many were queued.</summary>
    public async Task<int> QueueDailyRemindersAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var horizon = DueSoon.Horizon(await calendars.CurrentAsync(cancellationToken), today);
        var due = await OpenDeadlines(d => d.DueOn <= horizon).ToListAsync(cancellationToken);
        var startOfDay = StartOfUkDay(today);
        var queued = 0;
        foreach (var group in due.GroupBy(d => d.HandlerId))
        {
            var handler = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == group.Key && u.IsActive && u.Email != null, cancellationToken);
            if (handler is null)
            {
                continue;
            }

            var already = await db.OutboxMessages.AnyAsync(m => m.Purpose == ReminderPurpose && m.ToAddress == handler.Email && m.CreatedAt >= startOfDay, cancellationToken);
            if (already)
            {
                continue;
            }

            var body = new StringBuilder();
            body.AppendLine(CultureInfo.InvariantCulture, $"Good morning {handler.DisplayName},");
            body.AppendLine();
            body.AppendLine(CultureInfo.InvariantCulture, $"These cases assigned to you have something due by {CalendarText.FullDate(horizon)}:");
            body.AppendLine();
            foreach (var item in group.OrderBy(d => d.DueOn).ThenBy(d => d.Reference))
            {
                var when = item.DueOn < today ? $"was due {CalendarText.FullDate(item.DueOn)} (overdue)" : $"due {CalendarText.FullDate(item.DueOn)}";
                body.AppendLine(CultureInfo.InvariantCulture, $"- {item.Reference}: {CaseDeadlines.Describe(item.Kind).ToLowerInvariant()} {when}");
            }

            body.AppendLine();
            body.AppendLine(CultureInfo.InvariantCulture, $"Your queue: {new Uri(links.Value.PublicBaseUrl, "/staff/queues/mine")}");
            var count = group.Count();
            outbox.Enqueue(ReminderPurpose, handler.Email!, handler.DisplayName,
                count == 1 ? "Heard: 1 deadline due soon" : $"Heard: {count} deadlines due soon", body.ToString());
            queued++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    /// <summary>Tells the manager of each handler about each deadline now passed, once per deadline and due date.</summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var overdue = await OpenDeadlines(d => d.DueOn < today).ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var item in overdue)
        {
            var key = $"{item.Kind}:{item.DueOn:yyyy-MM-dd}";
            var marker = $"\"key\":\"{key}\"";
            if (await db.CaseEvents.AnyAsync(e => e.CaseId == item.CaseId && e.Kind == EscalatedEvent && e.Data != null && e.Data.Contains(marker), cancellationToken))
            {
                continue;
            }

            var handler = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == item.HandlerId, cancellationToken);
            var manager = handler?.ManagerId is { } managerId
                ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == managerId && u.IsActive && u.Email != null, cancellationToken)
                : null;
            if (handler is null || manager is null)
            {
                // Nobody to escalate to: the case is in the overdue queue for the team to see.
                continue;
            }

            var @case = await db.Cases.FirstAsync(c => c.Id == item.CaseId, cancellationToken);
            var what = CaseDeadlines.Describe(item.Kind).ToLowerInvariant();
            var body = $"""
                Dear {manager.DisplayName},

                The {what} on case {item.Reference} was due on {CalendarText.FullDate(item.DueOn)} and has not been done.
                It is assigned to {handler.DisplayName}.

                The case: {new Uri(links.Value.PublicBaseUrl, $"/staff/cases/{item.CaseId}")}
                """;
            outbox.Enqueue(EscalationPurpose, manager.Email!, manager.DisplayName, $"Heard: overdue {what} on {item.Reference}", body, caseId: item.CaseId);
            history.Record(@case, Actor.System, EscalatedEvent,
                $"Overdue {what} (due {CalendarText.FullDate(item.DueOn)}) escalated to {manager.DisplayName}",
                data: new { key, kind = item.Kind, dueOn = item.DueOn, managerId = manager.Id, handlerId = handler.Id });
            escalated++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return escalated;
    }

    private IQueryable<Due> OpenDeadlines(System.Linq.Expressions.Expression<Func<CaseDeadline, bool>> when) =>
        db.CaseDeadlines.AsNoTracking()
            .Where(d => d.MetOn == null)
            .Where(when)
            .Join(db.Cases.Where(c => c.ClosedAt == null && c.AssignedToId != null), d => d.CaseId, c => c.Id,
                (d, c) => new Due(c.Id, c.Reference, c.AssignedToId!.Value, d.Kind, d.DueOn));

    private static DateTime StartOfUkDay(DateOnly day)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), london);
    }
}
