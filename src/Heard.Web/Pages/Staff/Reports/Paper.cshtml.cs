using Heard.Application.Reporting;
using Heard.Domain.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Reports;

/// <summary>The board paper: the report laid out for printing (print stylesheet, a page per part), no links.</summary>
public sealed class PaperModel(BoardReport reports) : PageModel
{
    public ReportView? View { get; private set; }

    public string Title { get; private set; } = "Performance report";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var (period, problem) = PeriodQuery.Read(from, to);
        return await ShowAsync(period, problem, p => $"Complaints, correspondence and feedback: performance report {p.Name}", cancellationToken);
    }

    internal async Task<IActionResult> ShowAsync(ReportPeriod? period, string? problem, Func<ReportPeriod, string> title, CancellationToken cancellationToken)
    {
        if (period is null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Title = title(period);
        var report = await reports.BuildAsync(period, cancellationToken);
        View = new ReportView(report, ReportTables.From(report), Links: false);
        return Page();
    }
}
