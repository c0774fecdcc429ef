using Heard.Application.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Reports;

/// <summary>The board report for a period (from, to in the query string), with its tables as CSV and a spreadsheet.</summary>
public sealed class BoardModel(BoardReport reports) : PageModel
{
    public ReportView? View { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var (period, problem) = PeriodQuery.Read(from, to);
        if (period is null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        View = ReportView.Create(await reports.BuildAsync(period, cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(DateOnly? from, DateOnly? to, string? table, CancellationToken cancellationToken)
    {
        var (period, problem) = PeriodQuery.Read(from, to);
        if (period is null)
        {
            return BadRequest(problem ?? "Choose the period of the report.");
        }

        var tables = ReportTables.From(await reports.BuildAsync(period, cancellationToken));
        var chosen = tables.FirstOrDefault(t => t.Id == table);
        if (chosen is null)
        {
            return NotFound();
        }

        return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(ReportExports.Csv(chosen))).ToArray(),
            "text/csv; charset=utf-8", $"board-report-{chosen.Id}-{ReportView.Iso(period.From)}-to-{ReportView.Iso(period.To)}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var (period, problem) = PeriodQuery.Read(from, to);
        if (period is null)
        {
            return BadRequest(problem ?? "Choose the period of the report.");
        }

        var tables = ReportTables.From(await reports.BuildAsync(period, cancellationToken));
        var stream = new MemoryStream();
        ReportExports.Xlsx($"Performance report {period.Name}", tables, stream);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"board-report-{ReportView.Iso(period.From)}-to-{ReportView.Iso(period.To)}.xlsx");
    }
}
