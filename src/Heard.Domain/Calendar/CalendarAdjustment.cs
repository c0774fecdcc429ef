namespace Heard.Domain.Calendar;

/// <summary>What an adjustment does to a date.</summary>
public enum CalendarAdjustmentKind
{
    /// <summary>The date becomes a bank holiday: a proclamation, a moved holiday's new date, a correction.</summary>
    BankHoliday,

    /// <summary>The service is closed on the date (not a bank holiday).</summary>
    Closure,

    /// <summary>The date is a working day again: a moved holiday's original date, or a correction.</summary>
    WorkingDay,
}

/// <summary>
/// One change to the calendar on one date, with the name the date goes by and the reason for the change.
/// The one-off holidays built into the England and Wales calendar, an administrator's changes and an imported
/// GOV.UK file are all expressed as adjustments, so there is one way to change a calendar.
/// </summary>
/// <param name="Date">The date changed.</param>
/// <param name="Kind">What the date becomes.</param>
/// <param name="Name">The holiday's or closure's name; for <see cref="CalendarAdjustmentKind.WorkingDay"/> it may be empty.</param>
/// <param name="Reason">Why the change was made, kept for the audit trail.</param>
public sealed record CalendarAdjustment(DateOnly Date, CalendarAdjustmentKind Kind, string Name, string Reason)
{
    public static CalendarAdjustment AddBankHoliday(DateOnly date, string name, string reason) =>
        new(date, CalendarAdjustmentKind.BankHoliday, name, reason);

    public static CalendarAdjustment AddClosure(DateOnly date, string name, string reason) =>
        new(date, CalendarAdjustmentKind.Closure, name, reason);

    public static CalendarAdjustment MakeWorkingDay(DateOnly date, string reason) =>
        new(date, CalendarAdjustmentKind.WorkingDay, string.Empty, reason);

    /// <summary>
    /// The checks that hold whatever the calendar already says: a date in the supported years, never a weekend,
    /// a name for a holiday or closure and always a reason. Returns null when the adjustment is well formed.
    /// </summary>
    internal string? Problem()
    {
        if (!WorkingCalendar.Supports(Date))
        {
            return $"{CalendarText.Iso(Date)} is outside the supported calendar ({CalendarText.SupportedRange}).";
        }

        if (Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return $"{CalendarText.Iso(Date)} is a {Date.DayOfWeek}; weekends are never working days, so it cannot be "
                + (Kind == CalendarAdjustmentKind.WorkingDay ? "made a working day." : "added as a holiday or closure.");
        }

        if (Kind != CalendarAdjustmentKind.WorkingDay && string.IsNullOrWhiteSpace(Name))
        {
            return $"The {(Kind == CalendarAdjustmentKind.Closure ? "closure" : "bank holiday")} on {CalendarText.Iso(Date)} needs a name.";
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            return $"The change to {CalendarText.Iso(Date)} needs a reason.";
        }

        return null;
    }
}
