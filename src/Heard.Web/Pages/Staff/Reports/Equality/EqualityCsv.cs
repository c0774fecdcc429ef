using System.Globalization;
using System.Text;
using Heard.Application.Equality;

namespace Heard.Web.Pages.Staff.Reports.Equality;

/// <summary>The equality report as CSV: the same suppressed figures as the page, one row per group.</summary>
public static class EqualityCsv
{
    public static string Write(EqualityReportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder();
        csv.AppendLine("period,characteristic,group,complainants,complainants_percent,people_served,served_percent,complaints_per_1000_served,significantly_low");
        foreach (var table in result.Tables)
        {
            foreach (var row in table.Rows)
            {
                Line(csv, result.Period.Name, table.Question.Name, row.Label, Count(row.Complainants), Share(row.ComplainantShare), Count(row.Served), Share(row.ServedShare),
                    row.RatePerThousand?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", row.Compared ? (row.SignificantlyLow ? "yes" : "no") : "");
            }

            Line(csv, result.Period.Name, table.Question.Name, "Total", Count(table.ComplainantsTotal), "", Count(table.ServedTotal), "",
                table.OverallRatePerThousand?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", "");
        }

        // The other forms: counts only, one line per group and form.
        csv.AppendLine();
        csv.AppendLine("period,characteristic,group,form,people_answering");
        foreach (var table in result.OtherForms)
        {
            foreach (var row in table.Rows.Append(new EqualityFormsRow("total", "Total", table.Totals)))
            {
                for (var i = 0; i < table.Forms.Count; i++)
                {
                    Line(csv, result.Period.Name, table.Question.Name, row.Label, table.Forms[i].Describe(), Count(row.Counts[i]));
                }
            }
        }

        return csv.ToString();
    }

    private static string Count(Heard.Domain.Reporting.PublishedCount count) =>
        count.Shown ? count.Count!.Value.ToString(CultureInfo.InvariantCulture) : count.Display;

    private static string Share(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) : "";

    private static void Line(StringBuilder csv, params string[] fields) =>
        csv.AppendLine(string.Join(',', fields.Select(Quote)));

    private static string Quote(string field)
    {
        // Quote what needs it, and neutralise spreadsheet formulas (a field starting =, +, - or @).
        var safe = field.Length > 0 && "=+-@".Contains(field[0], StringComparison.Ordinal) ? "'" + field : field;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
