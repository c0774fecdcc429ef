using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Calendar;

/// <summary>What a calendar change did: how many changes were stored and how many open deadlines moved.</summary>
public sealed record CalendarChangeResult(int ChangesStored, int DeadlinesMoved, int CalendarVersion);

/// <summary>
/// Administrators' changes to the working calendar: closure days, proclamations, corrections and imports of
/// GOV.UK's bank-holidays.json. Each applies all or nothing; in the same transaction every open deadline is
/// recomputed and each one that moves is written to its case's history.
/// </summary>
public sealed class CalendarAdministration(HeardDbContext db, CalendarStore store, CaseDeadlines deadlines, TimeProvider clock)
{
    public async Task<CalendarChangeResult> ApplyAsync(IReadOnlyList<CalendarAdjustment> adjustments, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        ArgumentNullException.ThrowIfNull(actor);
        if (adjustments.Count == 0)
        {
            throw new CalendarException("There is nothing to change: the calendar already says this.");
        }

        var current = await store.CurrentAsync(cancellationToken);
        var changes = adjustments.Select(a => CalendarChange.Record(a, actor.Name, clock)).ToList();
        // Throws with a message if any change is invalid; nothing has been written by then.
        var next = current.With(changes);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CalendarChanges.AddRange(changes.Select(CalendarChangeRow.From));
        var why = changes.Count == 1
            ? $"Calendar changed: {Describe(changes[0])}"
            : $"Calendar changed: {changes.Count} dates ({string.Join("; ", changes.Take(3).Select(Describe))}{(changes.Count > 3 ? "; …" : "")})";
        var moved = await deadlines.RecomputeOpenAsync(next, actor, why, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CalendarChangeResult(changes.Count, moved, next.Version);
    }

    /// <summary>Imports GOV.UK's bank-holidays.json (the England and Wales division), all or nothing.</summary>
    public async Task<(CalendarChangeResult? Result, IReadOnlyList<string> Errors)> ImportAsync(string json, Actor actor, CancellationToken cancellationToken = default)
    {
        var current = await store.CurrentAsync(cancellationToken);
        var plan = BankHolidaysImport.Plan(json, current);
        if (!plan.Succeeded)
        {
            return (null, plan.Errors);
        }

        if (plan.Adjustments.Count == 0)
        {
            return (new CalendarChangeResult(0, 0, current.Version), []);
        }

        return (await ApplyAsync(plan.Adjustments, actor, cancellationToken), []);
    }

    public async Task<IReadOnlyList<CalendarChangeRow>> HistoryAsync(CancellationToken cancellationToken = default) =>
        await db.CalendarChanges.AsNoTracking().OrderByDescending(c => c.Id).ToListAsync(cancellationToken);

    private static string Describe(CalendarChange change) => change.Kind switch
    {
        CalendarAdjustmentKind.BankHoliday => $"{CalendarText.FullDate(change.Date)} is a bank holiday ({change.Name})",
        CalendarAdjustmentKind.Closure => $"the service is closed on {CalendarText.FullDate(change.Date)} ({change.Name})",
        _ => $"{CalendarText.FullDate(change.Date)} is a working day",
    };
}
