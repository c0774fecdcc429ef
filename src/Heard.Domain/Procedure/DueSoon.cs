using Heard.Domain.Calendar;

namespace Heard.Domain.Procedure;

/// <summary>
/// "Due soon": within the next three working days. The same horizon drives the due-soon queue and the
/// "holding letter needed" warning (a response that will be late needs a holding letter before its due date,
/// and the case says so from three working days before).
/// </summary>
public static class DueSoon
{
    public const int WorkingDays = 3;

    /// <summary>The last due date that counts as due soon when today is <paramref name="today"/>.</summary>
    public static DateOnly Horizon(WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(today, WorkingDays);
    }

    /// <summary>True when an open response deadline is close enough that a holding letter is needed if it will be late.</summary>
    public static bool HoldingLetterNeeded(WorkingCalendar calendar, DateOnly today, DateOnly responseDueOn) =>
        responseDueOn <= Horizon(calendar, today);
}
