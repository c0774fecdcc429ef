using Heard.Application.Data;
using Heard.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Calendar;

/// <summary>
/// The working calendar in force: the built-in England and Wales calendar plus every stored change. Building it
/// takes a few milliseconds, so it is kept and rebuilt only when the stored changes differ from those it was
/// built from (checked with one cheap query, so another Heard instance's change is seen too). Unlike a calendar
/// loaded once at boot, a holiday added today counts from the next request on.
/// </summary>
public sealed class CalendarStore(HeardDbContext db, CalendarCache cache)
{
    public async Task<WorkingCalendar> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var stamp = await StampAsync(cancellationToken);
        var cached = cache.Get();
        if (cached is not null && cached.Stamp == stamp)
        {
            return cached.Calendar;
        }

        var rows = await db.CalendarChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var calendar = WorkingCalendar.FromHistory(rows.Select(r => r.ToDomain()));
        cache.Set(stamp, calendar);
        return calendar;
    }

    private async Task<(int Count, long LastId)> StampAsync(CancellationToken cancellationToken)
    {
        var count = await db.CalendarChanges.CountAsync(cancellationToken);
        var last = count == 0 ? 0 : await db.CalendarChanges.MaxAsync(c => c.Id, cancellationToken);
        return (count, last);
    }
}

/// <summary>The process-wide copy of the last calendar built (a singleton).</summary>
public sealed class CalendarCache
{
    private Entry? current;

    internal Entry? Get() => Volatile.Read(ref current);

    internal void Set((int Count, long LastId) stamp, WorkingCalendar calendar) =>
        Volatile.Write(ref current, new Entry(calendar, stamp));

    internal sealed record Entry(WorkingCalendar Calendar, (int Count, long LastId) Stamp);
}
