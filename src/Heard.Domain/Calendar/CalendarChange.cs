namespace Heard.Domain.Calendar;

/// <summary>
/// One administrator's change to the calendar: what changed (date, kind, name, reason), who made it and when.
/// Flat on purpose so that it can be stored as one row; the calendar in force is the built-in England and Wales
/// calendar with every change applied in the order made, so the list of changes is the calendar's version history.
/// </summary>
/// <param name="ChangedAt">When the change was made, in UTC.</param>
public sealed record CalendarChange(
    DateOnly Date,
    CalendarAdjustmentKind Kind,
    string Name,
    string Reason,
    string ChangedBy,
    DateTime ChangedAt)
{
    public CalendarAdjustment Adjustment => new(Date, Kind, Name, Reason);

    /// <summary>Stamps an adjustment with who made it and the current time from <paramref name="clock"/>.</summary>
    public static CalendarChange Record(CalendarAdjustment adjustment, string changedBy, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        ArgumentNullException.ThrowIfNull(clock);
        if (string.IsNullOrWhiteSpace(changedBy))
        {
            throw new CalendarException("A calendar change must say who made it.");
        }

        return new CalendarChange(
            adjustment.Date,
            adjustment.Kind,
            adjustment.Name,
            adjustment.Reason,
            changedBy,
            clock.GetUtcNow().UtcDateTime);
    }
}
