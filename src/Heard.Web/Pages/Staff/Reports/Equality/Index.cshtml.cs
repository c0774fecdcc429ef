using System.Globalization;
using System.Text;
using Heard.Application.Equality;
using Heard.Application.Intake;
using Heard.Domain.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Reports.Equality;

/// <summary>
/// The equality monitoring report: complainants by characteristic against the people served, and "who is not
/// complaining", for a period given as <c>?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c> (default: the last whole financial
/// quarter). Aggregates only; every count has been through small-number suppression in <see cref="EqualityReport"/>.
/// </summary>
public sealed class IndexModel(EqualityReport report, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public EqualityReportResult? Result { get; private set; }

    public IReadOnlyList<ReportPeriod> Suggested { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var period = ReadPeriod();
        if (period is null)
        {
            return Page();
        }

        Result = await report.BuildAsync(period, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var period = ReadPeriod();
        if (period is null)
        {
            return Page();
        }

        var result = await report.BuildAsync(period, cancellationToken);
        var name = $"equality-{period.From:yyyy-MM-dd}-to-{period.To:yyyy-MM-dd}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(EqualityCsv.Write(result))).ToArray(), "text/csv; charset=utf-8", name);
    }

    private ReportPeriod? ReadPeriod()
    {
        var today = UkTime.Today(clock);
        var thisYear = ReportPeriod.FinancialYearOf(today);
        var quarters = Enumerable.Range(1, 4).Select(q => ReportPeriod.Quarter(thisYear - 1, q))
            .Concat(Enumerable.Range(1, 4).Select(q => ReportPeriod.Quarter(thisYear, q)))
            .Where(q => q.To < today)
            .TakeLast(4);
        Suggested = [.. quarters.Reverse(), ReportPeriod.FinancialYear(thisYear - 1), ReportPeriod.FinancialYear(thisYear - 2)];

        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
        {
            var latest = Suggested[0];
            From = Iso(latest.From);
            To = Iso(latest.To);
            return latest;
        }

        var from = ReadDate(From, "from", "the start date");
        var to = ReadDate(To, "to", "the end date");
        if (from is null || to is null)
        {
            return null;
        }

        if (ReportPeriod.Problem(from.Value, to.Value) is { } problem)
        {
            ModelState.AddModelError("to", problem);
            return null;
        }

        return Named(from.Value, to.Value) ?? ReportPeriod.Custom(from.Value, to.Value);
    }

    /// <summary>The financial year or quarter these dates are exactly, so the report carries its usual name.</summary>
    private static ReportPeriod? Named(DateOnly from, DateOnly to)
    {
        var year = ReportPeriod.FinancialYearOf(from);
        var candidates = Enumerable.Range(1, 4).Select(q => ReportPeriod.Quarter(year, q)).Append(ReportPeriod.FinancialYear(year));
        return candidates.FirstOrDefault(p => p.From == from && p.To == to);
    }

    private DateOnly? ReadDate(string? text, string field, string what)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, string.IsNullOrWhiteSpace(text)
            ? $"Enter {what}"
            : $"Enter {what} as a date like 2024-04-01");
        return null;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(double? share) => share is { } s ? s.ToString("P1", CultureInfo.GetCultureInfo("en-GB")) : "\u2013";

    public static string Rate(double? rate) => rate is { } r ? r.ToString("N1", CultureInfo.GetCultureInfo("en-GB")) : "\u2013";
}
