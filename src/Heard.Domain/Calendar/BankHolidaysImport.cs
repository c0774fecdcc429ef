using System.Globalization;
using System.Text.Json;

namespace Heard.Domain.Calendar;

/// <summary>
/// What importing a GOV.UK <c>bank-holidays.json</c> file would change: either the adjustments that make the
/// calendar agree with the file, or the reasons the file was refused. Never both: a file with any error is
/// refused whole, so an import applies all of its changes or none.
/// </summary>
public sealed class BankHolidaysImport
{
    private const string Division = "england-and-wales";
    private const int MostErrorsListed = 50;

    private BankHolidaysImport(IReadOnlyList<CalendarAdjustment> adjustments, IReadOnlyList<string> errors)
    {
        Adjustments = adjustments;
        Errors = errors;
    }

    /// <summary>The changes that make the calendar agree with the file, by date; empty when it already does.</summary>
    public IReadOnlyList<CalendarAdjustment> Adjustments { get; }

    /// <summary>Why the file was refused, one message per problem; empty when it was accepted.</summary>
    public IReadOnlyList<string> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>
    /// Reads a file in the format of GOV.UK's <c>bank-holidays.json</c> and compares its England and Wales
    /// division with <paramref name="calendar"/>. GOV.UK publishes whole years, so each year that appears in the
    /// file is taken to be complete: a date in the file that the calendar does not have as a bank holiday is
    /// added, and a bank holiday the calendar has in that year but the file lacks becomes a working day again
    /// (that is how a moved holiday is corrected). Closures, and years the file does not mention, are left alone.
    /// The other divisions (Scotland, Northern Ireland) are ignored.
    /// </summary>
    public static BankHolidaysImport Plan(string json, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(calendar);

        var errors = new List<string>();
        var events = Read(json, errors);
        if (errors.Count > 0)
        {
            if (errors.Count > MostErrorsListed)
            {
                int more = errors.Count - MostErrorsListed;
                errors = [.. errors.Take(MostErrorsListed), $"… and {more} more problems."];
            }

            return new BankHolidaysImport([], errors);
        }

        return new BankHolidaysImport(Compare(events, calendar), []);
    }

    private static List<CalendarAdjustment> Compare(List<NonWorkingDay> events, WorkingCalendar calendar)
    {
        var adjustments = new List<CalendarAdjustment>();
        var inFile = events.Select(e => e.Date).ToHashSet();

        foreach (var holiday in events)
        {
            var existing = calendar.NonWorkingDayOn(holiday.Date);
            if (existing is null || existing.Kind != NonWorkingDayKind.BankHoliday)
            {
                adjustments.Add(CalendarAdjustment.AddBankHoliday(
                    holiday.Date, holiday.Name, $"In GOV.UK's bank holidays for {holiday.Date.Year}"));
            }
        }

        foreach (int year in events.Select(e => e.Date.Year).Distinct())
        {
            var ours = calendar.NonWorkingDaysBetween(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            foreach (var holiday in ours.Where(d => d.Kind == NonWorkingDayKind.BankHoliday && !inFile.Contains(d.Date)))
            {
                adjustments.Add(CalendarAdjustment.MakeWorkingDay(
                    holiday.Date, $"{holiday.Name} is not in GOV.UK's bank holidays for {year}"));
            }
        }

        return [.. adjustments.OrderBy(a => a.Date)];
    }

    private static List<NonWorkingDay> Read(string json, List<string> errors)
    {
        var events = new List<NonWorkingDay>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            errors.Add($"The file is not valid JSON: {e.Message}");
            return events;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"The file should be a JSON object with an \"{Division}\" division, as GOV.UK publishes it; it is a JSON {Describe(root.ValueKind)}.");
                return events;
            }

            if (!root.TryGetProperty(Division, out var division) || division.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"The file has no \"{Division}\" division: is it GOV.UK's bank-holidays.json?");
                return events;
            }

            if (!division.TryGetProperty("division", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != Division)
            {
                errors.Add($"The \"{Division}\" division should say \"division\": \"{Division}\".");
            }

            if (!division.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"The \"{Division}\" division has no \"events\" list.");
                return events;
            }

            if (list.GetArrayLength() == 0)
            {
                errors.Add($"The \"{Division}\" division's \"events\" list is empty.");
                return events;
            }

            var seen = new HashSet<DateOnly>();
            int number = 0;
            foreach (var item in list.EnumerateArray())
            {
                number++;
                var holiday = ReadEvent(item, number, errors);
                if (holiday is null)
                {
                    continue;
                }

                if (!seen.Add(holiday.Date))
                {
                    errors.Add($"Event {number}: {CalendarText.Iso(holiday.Date)} appears more than once.");
                    continue;
                }

                events.Add(holiday);
            }
        }

        return events;
    }

    private static NonWorkingDay? ReadEvent(JsonElement item, int number, List<string> errors)
    {
        string at = $"Event {number}";
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at} should be an object with a title and a date; it is a JSON {Describe(item.ValueKind)}.");
            return null;
        }

        int before = errors.Count;
        string? title = null;
        if (!item.TryGetProperty("title", out var titleElement) || titleElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(title = titleElement.GetString()))
        {
            errors.Add($"{at} has no title.");
        }

        DateOnly date = default;
        if (!item.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{at} has no date.");
        }
        else if (!DateOnly.TryParseExact(dateElement.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add($"{at}: \"{dateElement.GetString()}\" is not a date in the form YYYY-MM-DD.");
        }
        else if (!WorkingCalendar.Supports(date))
        {
            errors.Add($"{at}: {CalendarText.Iso(date)} is outside the supported calendar ({CalendarText.SupportedRange}).");
        }
        else if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            errors.Add($"{at}: {CalendarText.Iso(date)} is a {date.DayOfWeek}; bank holidays are always weekdays.");
        }

        string? notes = null;
        if (item.TryGetProperty("notes", out var notesElement))
        {
            if (notesElement.ValueKind == JsonValueKind.String)
            {
                notes = notesElement.GetString();
            }
            else if (notesElement.ValueKind != JsonValueKind.Null)
            {
                errors.Add($"{at}: \"notes\" should be text.");
            }
        }

        if (item.TryGetProperty("bunting", out var bunting) && bunting.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add($"{at}: \"bunting\" should be true or false.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        string name = string.IsNullOrWhiteSpace(notes)
            ? title!.Trim()
            : $"{title!.Trim()} ({notes.Trim().ToLowerInvariant()})";
        return new NonWorkingDay(date, name, NonWorkingDayKind.BankHoliday);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "list",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "true/false value",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
