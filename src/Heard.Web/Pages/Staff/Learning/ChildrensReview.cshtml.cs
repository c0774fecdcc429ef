using System.Globalization;
using System.Text;
using Heard.Application.Intake;
using Heard.Application.Learning;
using Heard.Domain.Reporting;
using Heard.Web.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Learning;

/// <summary>The annual review of children's complaints for a financial year: aggregate figures, printable, with CSV of each table.</summary>
public sealed class ChildrensReviewModel(LearningReports reports, TimeProvider clock) : PageModel
{
    public ChildrensReview Review { get; private set; } = default!;

    /// <summary>The financial year's starting year; none means the last complete financial year.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public IReadOnlyList<Choice> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var year = ChooseYear();
        Review = await reports.ChildrensReviewAsync(year, cancellationToken);
        return Page();
    }

    /// <summary>One table of the review as CSV (UTF-8 with a byte-order mark, so that spreadsheets read it right).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        var year = ChooseYear();
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var review = await reports.ChildrensReviewAsync(year, cancellationToken);
        IEnumerable<string?[]>? rows = table switch
        {
            "themes" => [["Theme", "Issues"], .. review.Themes.Select(t => new string?[] { t.Name, N(t.Count) })],
            "outcomes" => [["Outcome", review.Year.Name, "Year before"], .. review.Outcomes.Select(o => new string?[] { o.Label, N(o.ThisYear), N(o.YearEarlier) }), ["All received", N(review.Received.ThisYear), N(review.Received.YearEarlier)]],
            "timeliness" => [["Measure", "On time", "Late", "Not yet due", "Percent on time"], .. review.Timeliness.Select(t => new string?[] { t.Label, N(t.OnTime), N(t.Late), N(t.NotYetDue), t.PercentOnTime?.ToString("0.0", CultureInfo.InvariantCulture) })],
            "actions" => [["Cascaded to", "Open", "Overdue", "Done"], .. review.ActionsByLevel.Select(a => new string?[] { a.Label, N(a.Counts.Open), N(a.Counts.Overdue), N(a.Counts.Done) })],
            "changes" => [["Done on", "Level", "What changed", "Evidence"], .. review.ChangesMade.Select(c => new string?[] { c.DoneOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Level.Describe(), c.Description, c.Evidence })],
            _ => null,
        };
        if (rows is null)
        {
            return NotFound();
        }

        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(CsvCell)).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"childrens-complaints-{review.Year.From.Year}-{table}.csv");
    }

    /// <summary>
    /// A CSV cell: quoted when it holds a comma, quote or line break; text that a spreadsheet would run as a formula
    /// (starting =, +, - or @) is prefixed with an apostrophe.
    /// </summary>
    public static string CsvCell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private int ChooseYear()
    {
        var today = UkTime.Today(clock);
        var current = ReportPeriod.FinancialYearOf(today);
        Years = [.. Enumerable.Range(IndexModel.FirstYear, current - IndexModel.FirstYear + 1).Reverse().Select(y => new Choice(y.ToString(CultureInfo.InvariantCulture), ReportPeriod.FinancialYear(y).Name))];
        if (string.IsNullOrEmpty(Year))
        {
            Year = (current - 1).ToString(CultureInfo.InvariantCulture);
            return current - 1;
        }

        if (int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= IndexModel.FirstYear && year <= current)
        {
            return year;
        }

        ModelState.AddModelError(nameof(Year), $"Choose a financial year from {ReportPeriod.FinancialYear(IndexModel.FirstYear).Name} to {ReportPeriod.FinancialYear(current).Name}");
        return current - 1;
    }
}
