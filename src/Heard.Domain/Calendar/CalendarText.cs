using System.Globalization;

namespace Heard.Domain.Calendar;

/// <summary>
/// How dates are written in messages and explanations: GOV.UK style ("Tuesday 19 March 2013"), in English
/// whatever the machine's culture, because explanations go into letters and case histories.
/// </summary>
public static class CalendarText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string SupportedRange =>
        $"{WorkingCalendar.FirstSupportedDay.Year} to {WorkingCalendar.LastSupportedDay.Year}";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FullDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    /// <summary>"29 March" when the year goes without saying, "29 March 2014" when it does not.</summary>
    public static string DayAndMonth(DateOnly date, int contextYear) =>
        date.Year == contextYear
            ? date.ToString("d MMMM", English)
            : date.ToString("d MMMM yyyy", English);

    public static string MonthName(DateOnly date) => date.ToString("MMMM", English);

    public static string Ordinal(int day) => day switch
    {
        1 or 21 or 31 => $"{day}st",
        2 or 22 => $"{day}nd",
        3 or 23 => $"{day}rd",
        _ => $"{day}th",
    };

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    public static string Plural(int count, string singular, string plural) =>
        count == 1 ? $"1 {singular}" : $"{count.ToString(CultureInfo.InvariantCulture)} {plural}";
}
