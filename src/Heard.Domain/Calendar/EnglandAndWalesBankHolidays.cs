namespace Heard.Domain.Calendar;

/// <summary>
/// The bank holidays of England and Wales: the eight held every year by rule (Banking and Financial Dealings
/// Act 1971 and the early May holiday since 1978), with substitute days when one falls at a weekend, and the
/// one-off and moved holidays proclaimed since 1990 as a table of adjustments.
/// </summary>
internal static class EnglandAndWalesBankHolidays
{
    /// <summary>The holidays held by rule in <paramref name="year"/>, each on a weekday (substitutes already applied).</summary>
    public static IEnumerable<NonWorkingDay> ByRule(int year)
    {
        var newYear = new DateOnly(year, 1, 1);
        yield return Substituted(newYear, "New Year's Day", NextMonday(newYear));

        var easterSunday = EasterSunday(year);
        yield return Holiday(easterSunday.AddDays(-2), "Good Friday");
        yield return Holiday(easterSunday.AddDays(1), "Easter Monday");
        yield return Holiday(FirstMonday(year, 5), "Early May bank holiday");
        yield return Holiday(LastMonday(year, 5), "Spring bank holiday");
        yield return Holiday(LastMonday(year, 8), "Summer bank holiday");

        // When Christmas Day or Boxing Day falls at a weekend the substitute goes to the next weekday that is not
        // already a holiday: Christmas on a Saturday gives Monday 27 and Tuesday 28; on a Sunday, Boxing Day keeps
        // Monday 26 and Christmas moves to Tuesday 27; on a Friday, Boxing Day moves to Monday 28.
        var christmas = new DateOnly(year, 12, 25);
        var boxingDay = new DateOnly(year, 12, 26);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                yield return Substituted(christmas, "Christmas Day", christmas.AddDays(2));
                yield return Substituted(boxingDay, "Boxing Day", boxingDay.AddDays(2));
                break;
            case DayOfWeek.Sunday:
                yield return Substituted(christmas, "Christmas Day", christmas.AddDays(2));
                yield return Holiday(boxingDay, "Boxing Day");
                break;
            case DayOfWeek.Friday:
                yield return Holiday(christmas, "Christmas Day");
                yield return Substituted(boxingDay, "Boxing Day", boxingDay.AddDays(2));
                break;
            default:
                yield return Holiday(christmas, "Christmas Day");
                yield return Holiday(boxingDay, "Boxing Day");
                break;
        }
    }

    /// <summary>
    /// One-off holidays and holidays moved by proclamation, in the order they apply. A moved holiday is two
    /// adjustments: its usual date becomes a working day again and the new date becomes the holiday.
    /// </summary>
    public static IReadOnlyList<CalendarAdjustment> OneOffs { get; } =
    [
        CalendarAdjustment.MakeWorkingDay(new(1995, 5, 1), "Early May bank holiday moved to 8 May 1995 for the 50th anniversary of VE Day"),
        CalendarAdjustment.AddBankHoliday(new(1995, 5, 8), "Early May bank holiday (VE Day)", "Moved from 1 May 1995 for the 50th anniversary of VE Day"),
        CalendarAdjustment.AddBankHoliday(new(1999, 12, 31), "Millennium bank holiday", "One-off holiday for the millennium"),
        CalendarAdjustment.MakeWorkingDay(new(2002, 5, 27), "Spring bank holiday moved to 4 June 2002 for the Golden Jubilee"),
        CalendarAdjustment.AddBankHoliday(new(2002, 6, 3), "Golden Jubilee bank holiday", "One-off holiday for the Queen's Golden Jubilee"),
        CalendarAdjustment.AddBankHoliday(new(2002, 6, 4), "Spring bank holiday (moved)", "Moved from 27 May 2002 for the Golden Jubilee"),
        CalendarAdjustment.AddBankHoliday(new(2011, 4, 29), "Royal wedding bank holiday", "One-off holiday for the wedding of Prince William and Catherine Middleton"),
        CalendarAdjustment.MakeWorkingDay(new(2012, 5, 28), "Spring bank holiday moved to 4 June 2012 for the Diamond Jubilee"),
        CalendarAdjustment.AddBankHoliday(new(2012, 6, 4), "Spring bank holiday (moved)", "Moved from 28 May 2012 for the Diamond Jubilee"),
        CalendarAdjustment.AddBankHoliday(new(2012, 6, 5), "Queen's Diamond Jubilee", "One-off holiday for the Queen's Diamond Jubilee"),
        CalendarAdjustment.MakeWorkingDay(new(2020, 5, 4), "Early May bank holiday moved to 8 May 2020 for the 75th anniversary of VE Day"),
        CalendarAdjustment.AddBankHoliday(new(2020, 5, 8), "Early May bank holiday (VE Day)", "Moved from 4 May 2020 for the 75th anniversary of VE Day"),
        CalendarAdjustment.MakeWorkingDay(new(2022, 5, 30), "Spring bank holiday moved to 2 June 2022 for the Platinum Jubilee"),
        CalendarAdjustment.AddBankHoliday(new(2022, 6, 2), "Spring bank holiday (moved)", "Moved from 30 May 2022 for the Platinum Jubilee"),
        CalendarAdjustment.AddBankHoliday(new(2022, 6, 3), "Platinum Jubilee bank holiday", "One-off holiday for the Queen's Platinum Jubilee"),
        CalendarAdjustment.AddBankHoliday(new(2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II", "One-off holiday for the State Funeral of Queen Elizabeth II"),
        CalendarAdjustment.AddBankHoliday(new(2023, 5, 8), "Bank holiday for the coronation of King Charles III", "One-off holiday for the coronation of King Charles III"),
    ];

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm, as published by Nature in 1876).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static NonWorkingDay Holiday(DateOnly date, string name) => new(date, name, NonWorkingDayKind.BankHoliday);

    private static NonWorkingDay Substituted(DateOnly usual, string name, DateOnly substitute) =>
        usual.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? Holiday(substitute, $"{name} (substitute day)")
            : Holiday(usual, name);

    private static DateOnly NextMonday(DateOnly date) =>
        date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);

    private static DateOnly FirstMonday(int year, int month) => NextMonday(new DateOnly(year, month, 1));

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
