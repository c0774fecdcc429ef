using Heard.Application.Reporting;
using Heard.Domain.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Reports;

/// <summary>The yearly complaints and correspondence report for a financial year (seed 002: one per financial year from 2023–24).</summary>
public sealed class YearlyModel(BoardReport reports) : PageModel
{
    public ReportView? View { get; private set; }

    public string Title { get; private set; } = "Annual report on complaints and correspondence";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (year is not (>= 2010 and <= 2100))
        {
            Problem = "Choose a financial year from 2010–11 onwards.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var period = ReportPeriod.FinancialYear(year.Value);
        Title = $"Annual report on complaints and correspondence {period.Name}";
        var report = await reports.BuildAsync(period, cancellationToken);
        View = new ReportView(report, ReportTables.From(report), Links: false);
        return Page();
    }
}
