using System.Globalization;
using System.Text;
using Heard.Application.Data;
using Heard.Domain.Cases;
using Heard.Domain.Equality;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Equality;

/// <summary>A line of an import that could not be read, by its line number in the file (the header is line 1).</summary>
public sealed record ImportProblem(int Line, string Message);

/// <summary>What an import did: nothing at all when there were problems, else the people and cases imported.</summary>
public sealed record ServedImportResult(int People, int Cases, int Replaced, IReadOnlyList<ImportProblem> Problems)
{
    public bool Imported => Problems.Count == 0;
}

/// <summary>
/// Imports the people served from the courts' case data: a CSV file with one person a line and the columns
/// <c>case_number, area, law_type, started_on, ended_on, ethnicity, disability, sex, age_band</c>. Names and dates
/// of birth are not taken (a column of that name is refused). Every line is checked first; if any line is wrong,
/// every problem is reported with its line number and nothing is imported. A case number already imported is
/// replaced whole by the file's people for it, so importing an updated extract does not count anyone twice.
/// </summary>
public sealed class ServedPeopleImport(HeardDbContext db)
{
    public static readonly IReadOnlyList<string> Columns =
        ["case_number", "area", "law_type", "started_on", "ended_on", "ethnicity", "disability", "sex", "age_band"];

    private static readonly string[] Personal = ["name", "full_name", "first_name", "last_name", "surname", "date_of_birth", "dob", "address", "postcode"];

    public const int MaximumProblems = 100;

    public async Task<ServedImportResult> ImportAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var areas = await db.ServiceAreas.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(cancellationToken);
        var areaByKey = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var area in areas)
        {
            areaByKey[area.Code] = area.Id;
            areaByKey[area.Name] = area.Id;
        }

        var problems = new List<ImportProblem>();
        var people = new List<ServedPerson>();
        var lineNumber = 0;
        Dictionary<string, int>? header = null;
        while (await ReadRecordAsync(csv, cancellationToken) is { } record)
        {
            lineNumber += record.Lines;
            var line = lineNumber - record.Lines + 1;
            var fields = record.Fields;
            if (header is null)
            {
                header = ReadHeader(fields, problems);
                if (header is null)
                {
                    return new ServedImportResult(0, 0, 0, problems);
                }

                continue;
            }

            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue; // a blank line
            }

            var person = ReadPerson(fields, header, areaByKey, line, problems);
            if (person is not null)
            {
                people.Add(person);
            }

            if (problems.Count >= MaximumProblems)
            {
                problems.Add(new ImportProblem(line, $"Stopped after {MaximumProblems} problems; correct these and import again."));
                break;
            }
        }

        if (header is null)
        {
            problems.Add(new ImportProblem(1, "The file is empty. The first line must name the columns: " + string.Join(",", Columns) + "."));
        }
        else if (people.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(2, "The file has no people in it."));
        }

        if (problems.Count > 0)
        {
            return new ServedImportResult(0, 0, 0, problems);
        }

        var caseNumbers = people.Select(p => p.CourtCaseNumber).Distinct(StringComparer.Ordinal).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var replaced = 0;
        foreach (var chunk in caseNumbers.Chunk(500))
        {
            replaced += await db.ServedPeople.Where(p => chunk.Contains(p.CourtCaseNumber)).ExecuteDeleteAsync(cancellationToken);
        }

        db.ServedPeople.AddRange(people);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ServedImportResult(people.Count, caseNumbers.Count, replaced, []);
    }

    private static Dictionary<string, int>? ReadHeader(IReadOnlyList<string> fields, List<ImportProblem> problems)
    {
        var names = fields.Select(f => f.Trim().Trim('\uFEFF').ToLowerInvariant().Replace(' ', '_')).ToList();
        var personal = names.Where(n => Personal.Contains(n, StringComparer.Ordinal)).ToList();
        if (personal.Count > 0)
        {
            problems.Add(new ImportProblem(1, $"The file has personal columns ({string.Join(", ", personal)}). Remove them: only counts are needed, never names, dates of birth or addresses."));
        }

        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(1, $"The first line must name the columns {string.Join(",", Columns)}; missing: {string.Join(", ", missing)}."));
        }

        return problems.Count > 0 ? null : Columns.ToDictionary(c => c, c => names.IndexOf(c), StringComparer.Ordinal);
    }

    private static ServedPerson? ReadPerson(IReadOnlyList<string> fields, Dictionary<string, int> header, Dictionary<string, Guid> areas, int line, List<ImportProblem> problems)
    {
        var before = problems.Count;
        string Field(string column) => header[column] < fields.Count ? fields[header[column]].Trim() : "";
        void Problem(string message) => problems.Add(new ImportProblem(line, message));

        var caseNumber = Field("case_number").ToUpperInvariant();
        if (caseNumber.Length == 0)
        {
            Problem("The case number is missing.");
        }
        else if (caseNumber.Length > Limits.CourtCaseNumber)
        {
            Problem($"The case number must be {Limits.CourtCaseNumber} characters or fewer.");
        }

        var areaText = Field("area");
        if (!areas.TryGetValue(areaText, out var areaId))
        {
            Problem(areaText.Length == 0 ? "The area is missing." : $"The area \u201C{areaText}\u201D is not a service area's code or name.");
        }

        LawType? lawType = Field("law_type").ToLowerInvariant() switch
        {
            "private" => LawType.Private,
            "public" => LawType.Public,
            "other" => LawType.Other,
            _ => null,
        };
        if (lawType is null)
        {
            Problem($"The law type \u201C{Field("law_type")}\u201D must be private, public or other.");
        }

        var started = ReadDate(Field("started_on"), "start date", required: true, Problem);
        var ended = ReadDate(Field("ended_on"), "end date", required: false, Problem);
        if (started is { } s && ended is { } e && e < s)
        {
            Problem("The end date is before the start date.");
        }

        var ethnicity = ReadCategory(EqualityCategories.Ethnicity, Field("ethnicity"), Problem);
        var disability = ReadCategory(EqualityCategories.Disability, Field("disability"), Problem);
        var sex = ReadCategory(EqualityCategories.Sex, Field("sex"), Problem);
        var ageText = Field("age_band");
        var age = int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years < 130
            ? EqualityCategories.AgeBandOf(years)
            : ReadCategory(EqualityCategories.AgeBand, ageText, Problem);

        if (problems.Count > before)
        {
            return null;
        }

        return new ServedPerson
        {
            Id = Guid.NewGuid(),
            CourtCaseNumber = caseNumber,
            ServiceAreaId = areaId,
            LawType = lawType!.Value,
            StartedOn = started!.Value,
            EndedOn = ended,
            Ethnicity = ethnicity,
            Disability = disability,
            Sex = sex,
            AgeBand = age,
        };
    }

    private static DateOnly? ReadDate(string text, string what, bool required, Action<string> problem)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                problem($"The {what} is missing.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problem($"The {what} \u201C{text}\u201D must be a date like 2024-04-01.");
        return null;
    }

    /// <summary>A category by its code or its words; blank is "not known" (null).</summary>
    private static string? ReadCategory(EqualityQuestion question, string text, Action<string> problem)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var found = question.Categories.FirstOrDefault(c =>
            string.Equals(c.Code, text, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Label, text, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            problem($"The {question.Name.ToLowerInvariant()} \u201C{text}\u201D is not one of: {string.Join(", ", question.Categories.Select(c => c.Code))}.");
        }

        return found?.Code;
    }

    private sealed record CsvRecord(IReadOnlyList<string> Fields, int Lines);

    /// <summary>Reads one CSV record (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks).</summary>
    private static async Task<CsvRecord?> ReadRecordAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var first = await reader.ReadLineAsync(cancellationToken);
        if (first is null)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var lines = 1;
        var text = first;
        var i = 0;
        while (true)
        {
            if (i >= text.Length)
            {
                if (quoted)
                {
                    var next = await reader.ReadLineAsync(cancellationToken);
                    if (next is null)
                    {
                        break;
                    }

                    field.Append('\n');
                    text = next;
                    i = 0;
                    lines++;
                    continue;
                }

                break;
            }

            var ch = text[i++];
            if (quoted)
            {
                if (ch == '"' && i < text.Length && text[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return new CsvRecord(fields, lines);
    }
}
