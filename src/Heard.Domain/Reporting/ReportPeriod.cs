using System.Globalization;

namespace Heard.Domain.Reporting;

/// <summary>
/// A reporting period: inclusive dates from <see cref="From"/> to <see cref="To"/>. Quarters and years follow the
/// financial year (April to March; Q1 is April to June). Every report sits beside the same period a year earlier.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, string Name)
{
    public const int MaximumYears = 5;

    /// <summary>The financial year that starts in April of <paramref name="startYear"/>, e.g. 2023 → 2023–24.</summary>
    public static ReportPeriod FinancialYear(int startYear) =>
        new(new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31), $"{startYear}\u2013{(startYear + 1) % 100:00}");

    /// <summary>Quarter 1–4 of the financial year starting in April of <paramref name="startYear"/>.</summary>
    public static ReportPeriod Quarter(int startYear, int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is 1, 2, 3 or 4.");
        }

        var from = new DateOnly(startYear, 4, 1).AddMonths(3 * (quarter - 1));
        return new(from, from.AddMonths(3).AddDays(-1), $"Q{quarter} {startYear}\u2013{(startYear + 1) % 100:00}");
    }

    /// <summary>Custom dates; refused (with the message to show) when they end before they start or span more than five years.</summary>
    public static ReportPeriod Custom(DateOnly from, DateOnly to)
    {
        if (Problem(from, to) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        return new(from, to, $"{from.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} to {to.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");
    }

    /// <summary>Why the dates cannot be a period, or null when they can.</summary>
    public static string? Problem(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return "The end date must be the same as or after the start date.";
        }

        if (to > from.AddYears(MaximumYears).AddDays(-1))
        {
            return $"A report can cover at most {MaximumYears} years. Choose a shorter period.";
        }

        return null;
    }

    /// <summary>The financial year (its starting year) that a date falls in.</summary>
    public static int FinancialYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary>The same period a year earlier (29 February becomes 28 February).</summary>
    public ReportPeriod YearEarlier() => new(From.AddYears(-1), To.AddYears(-1), Name + " (a year earlier)");

    public bool Contains(DateOnly date) => date >= From && date <= To;
}
