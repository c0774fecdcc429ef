namespace Heard.Domain.Calendar;

/// <summary>Why a weekday is not a working day.</summary>
public enum NonWorkingDayKind
{
    /// <summary>A bank holiday in England and Wales: by rule, a substitute day, a moved or a one-off holiday.</summary>
    BankHoliday,

    /// <summary>A day the service is closed that is not a bank holiday, added by an administrator.</summary>
    Closure,
}

/// <summary>
/// A weekday that is not a working day, with the name people know it by. Weekends are never listed: they are
/// non-working by definition and naming each one would drown the holidays that matter in an explanation.
/// </summary>
public sealed record NonWorkingDay(DateOnly Date, string Name, NonWorkingDayKind Kind);
