using System.Globalization;

namespace Heard.Web.Govuk;

/// <summary>
/// The day, month and year boxes of a GOV.UK date input, kept as typed so that a mistake is shown back as it was
/// entered, never lost or "corrected".
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>The date, or an error message in GOV.UK's words for what is wrong with it.</summary>
    public (DateOnly? Date, string? Error) Read(string what)
    {
        if (IsEmpty)
        {
            return (null, null);
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Day))
        {
            missing.Add("day");
        }

        if (string.IsNullOrWhiteSpace(Month))
        {
            missing.Add("month");
        }

        if (string.IsNullOrWhiteSpace(Year))
        {
            missing.Add("year");
        }

        if (missing.Count > 0)
        {
            return (null, $"{what} must include a {string.Join(" and ", missing)}");
        }

        if (!int.TryParse(Day!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return (null, $"{what} must be a real date, like 27 3 2024");
        }

        if (Year.Trim().Length != 4)
        {
            return (null, $"{what} must include a year with 4 numbers, like 2024");
        }

        if (month is < 1 or > 12 || day < 1 || year < 1900 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, $"{what} must be a real date, like 27 3 2024");
        }

        return (new DateOnly(year, month, day), null);
    }
}
