using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Deadlines;

/// <summary>
/// The one place a case's dates are set, paused, extended, met and recomputed. Every date comes from the domain's
/// <see cref="DeadlineCalculator"/> with the calendar in force, and every change is written to the case's
/// history. Nothing here saves: the caller saves once, so the change and its history share a transaction.
/// </summary>
public sealed class CaseDeadlines(HeardDbContext db, CalendarStore calendars, CaseHistory history, TimeProvider clock)
{
    public async Task<IReadOnlyList<CaseDeadline>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        await db.CaseDeadlines.Where(d => d.CaseId == caseId).OrderBy(d => d.DueOn).ToListAsync(cancellationToken);

    /// <summary>Sets (or replaces) the deadline of a kind on a case: rule and start date, computed now.</summary>
    public async Task<CaseDeadline> SetAsync(Case @case, string kind, DeadlineRule rule, DateOnly startsOn, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(rule);
        var calendar = await calendars.CurrentAsync(cancellationToken);
        var deadline = await FindAsync(@case.Id, kind, cancellationToken);
        var before = deadline?.DueOn;
        if (deadline is null)
        {
            deadline = new CaseDeadline { Id = Guid.CreateVersion7(), CaseId = @case.Id, Kind = kind, Rule = rule.ToString(), Explanation = "" };
            db.CaseDeadlines.Add(deadline);
        }

        deadline.Rule = rule.ToString();
        deadline.StartsOn = startsOn;
        deadline.MetOn = null;
        Apply(deadline, Compute(calendar, deadline), calendar);
        history.Record(@case, actor, "deadline-set",
            before is null ? $"{Describe(kind)} due {Long(deadline.DueOn)}" : $"{Describe(kind)} now due {Long(deadline.DueOn)} (was {Long(before.Value)})",
            data: new { kind, rule = deadline.Rule, startsOn, dueOn = deadline.DueOn, before, explanation = deadline.Explanation });
        return deadline;
    }

    /// <summary>Stops the clock (for example while waiting for proof of identity or clarification).</summary>
    public async Task<CaseDeadline> PauseAsync(Case @case, string kind, DateOnly stoppedOn, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var deadline = await RequireAsync(@case.Id, kind, cancellationToken);
        if (deadline.Pauses.Any(p => p.RestartedOn is null))
        {
            throw new CalendarException("The clock is already stopped; restart it before stopping it again.");
        }

        deadline.Pauses.Add(new DeadlinePause { StoppedOn = stoppedOn, Reason = reason });
        return await RecomputeOneAsync(@case, deadline, actor, "clock-stopped", $"Clock stopped for {Describe(kind).ToLowerInvariant()}: {reason}", cancellationToken);
    }

    /// <summary>Restarts a stopped clock; the days it stood still are added to the deadline.</summary>
    public async Task<CaseDeadline> RestartAsync(Case @case, string kind, DateOnly restartedOn, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var deadline = await RequireAsync(@case.Id, kind, cancellationToken);
        var open = deadline.Pauses.FirstOrDefault(p => p.RestartedOn is null)
            ?? throw new CalendarException("The clock is not stopped.");
        if (restartedOn <= open.StoppedOn)
        {
            throw new CalendarException($"The clock cannot restart on or before the day it stopped ({CalendarText.FullDate(open.StoppedOn)}).");
        }

        open.RestartedOn = restartedOn;
        return await RecomputeOneAsync(@case, deadline, actor, "clock-restarted", $"Clock restarted for {Describe(kind).ToLowerInvariant()}", cancellationToken);
    }

    /// <summary>Extends a deadline by an agreed amount, recording who agreed, when and why.</summary>
    public async Task<CaseDeadline> ExtendAsync(Case @case, string kind, DeadlineRule by, string reason, string agreedBy, DateOnly agreedOn, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(by);
        var deadline = await RequireAsync(@case.Id, kind, cancellationToken);
        deadline.Extensions.Add(new DeadlineExtensionEntry { By = by.ToString(), Reason = reason, AgreedBy = agreedBy, AgreedOn = agreedOn });
        return await RecomputeOneAsync(@case, deadline, actor, "deadline-extended", $"{Describe(kind)} extended by {by.DisplayName}: {reason.TrimEnd('.')}", cancellationToken);
    }

    /// <summary>Records that the promise was kept; the deadline stops moving.</summary>
    public async Task MarkMetAsync(Case @case, string kind, DateOnly on, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var deadline = await FindAsync(@case.Id, kind, cancellationToken);
        if (deadline is null || deadline.MetOn is not null)
        {
            return;
        }

        deadline.MetOn = on;
        var late = on > deadline.DueOn;
        history.Record(@case, actor, "deadline-met",
            late ? $"{Describe(kind)} done {Long(on)}, after the due date {Long(deadline.DueOn)}" : $"{Describe(kind)} done {Long(on)}, on time",
            data: new { kind, metOn = on, dueOn = deadline.DueOn, late });
    }

    /// <summary>
    /// Recomputes every open deadline of every open case with <paramref name="calendar"/> and writes each one that
    /// moves to its case's history with the old and new date. Closed cases and met deadlines keep theirs.
    /// </summary>
    public async Task<int> RecomputeOpenAsync(WorkingCalendar calendar, Actor actor, string why, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var open = await db.CaseDeadlines
            .Where(d => d.MetOn == null)
            .Join(db.Cases.Where(c => c.ClosedAt == null), d => d.CaseId, c => c.Id, (d, c) => new { Deadline = d, Case = c })
            .ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var item in open)
        {
            var before = item.Deadline.DueOn;
            Apply(item.Deadline, Compute(calendar, item.Deadline), calendar);
            if (item.Deadline.DueOn != before)
            {
                moved++;
                history.Record(item.Case, actor, "deadline-changed",
                    $"{Describe(item.Deadline.Kind)} moved from {Long(before)} to {Long(item.Deadline.DueOn)}",
                    reason: why,
                    data: new { kind = item.Deadline.Kind, before, after = item.Deadline.DueOn, explanation = item.Deadline.Explanation });
            }
        }

        return moved;
    }

    private async Task<CaseDeadline> RecomputeOneAsync(Case @case, CaseDeadline deadline, Actor actor, string kind, string summary, CancellationToken cancellationToken)
    {
        var calendar = await calendars.CurrentAsync(cancellationToken);
        var before = deadline.DueOn;
        Apply(deadline, Compute(calendar, deadline), calendar);
        history.Record(@case, actor, kind, $"{summary}. Now due {Long(deadline.DueOn)}",
            data: new { kind = deadline.Kind, before, after = deadline.DueOn, explanation = deadline.Explanation });
        return deadline;
    }

    private Deadline Compute(WorkingCalendar calendar, CaseDeadline deadline)
    {
        var today = UkTime.Today(clock);
        // A clock still stopped has lost every day up to and including today; the nightly recomputation moves it on.
        var pauses = deadline.Pauses
            .Select(p => new ClockPause(p.StoppedOn, p.RestartedOn ?? Max(today, p.StoppedOn).AddDays(1), p.Reason))
            .ToList();
        var extensions = deadline.Extensions
            .Select(e => new DeadlineExtension(DeadlineRule.Parse(e.By), e.Reason, e.AgreedBy, e.AgreedOn))
            .ToList();
        return DeadlineCalculator.Compute(calendar, DeadlineRule.Parse(deadline.Rule), deadline.StartsOn, pauses, extensions);
    }

    private void Apply(CaseDeadline deadline, Deadline computed, WorkingCalendar calendar)
    {
        deadline.DueOn = computed.DueOn;
        deadline.Explanation = computed.Explanation;
        deadline.ComputedAt = clock.GetUtcNow().UtcDateTime;
        deadline.CalendarVersion = calendar.Version;
    }

    private Task<CaseDeadline?> FindAsync(Guid caseId, string kind, CancellationToken cancellationToken) =>
        db.CaseDeadlines.FirstOrDefaultAsync(d => d.CaseId == caseId && d.Kind == kind, cancellationToken);

    private async Task<CaseDeadline> RequireAsync(Guid caseId, string kind, CancellationToken cancellationToken) =>
        await FindAsync(caseId, kind, cancellationToken) ?? throw new CalendarException($"The case has no {Describe(kind).ToLowerInvariant()} deadline.");

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Long(DateOnly date) => CalendarText.FullDate(date);

    /// <summary>How a deadline kind reads in the history: "acknowledgement" → "Acknowledgement".</summary>
    public static string Describe(string kind) => kind switch
    {
        DeadlineKinds.Acknowledgement => "Acknowledgement",
        DeadlineKinds.Response => "Response",
        DeadlineKinds.FirstContact => "First contact",
        _ => string.IsNullOrEmpty(kind) ? kind : char.ToUpperInvariant(kind[0]) + kind[1..].Replace('-', ' '),
    };
}

/// <summary>The deadline kinds the complaints procedure uses; other record types add their own.</summary>
public static class DeadlineKinds
{
    public const string Acknowledgement = "acknowledgement";
    public const string Response = "response";
    public const string FirstContact = "first-contact";
}
