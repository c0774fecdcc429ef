using Heard.Application.Reporting;
using Heard.Domain.Cases;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Reports;

/// <summary>
/// The records behind a figure (figure, from, to, and optionally area or law type in the query string; no personal
/// data). Read through CaseAccess.Visible: a board reader gets the figure's definition only.
/// </summary>
public sealed class RecordsModel(CurrentViewer current, ReportRecords records) : PageModel
{
    public ReportRecordsResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? figure, DateOnly? from, DateOnly? to, Guid? area, LawType? law, CancellationToken cancellationToken)
    {
        if (from is null || to is null)
        {
            Result = new ReportRecordsResult(ReportFigures.Find(figure), "Choose the period of the report.", false, 0, []);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var viewer = await current.GetAsync(cancellationToken);
        Result = await records.FindAsync(viewer, new RecordsQuery(figure ?? "", from.Value, to.Value, area, law), cancellationToken);
        if (Result.Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
