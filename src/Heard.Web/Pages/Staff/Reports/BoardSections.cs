namespace Heard.Web.Pages.Staff.Reports;

/// <summary>
/// Sections other features add to the board report and the board paper, after the report's own tables: each is a
/// partial view (path) whose model is the <see cref="Heard.Application.Reporting.BoardReportResult"/>: the learning
/// actions (open / done / overdue) and the equality monitoring tables (aggregates, small numbers suppressed).
/// </summary>
public static class BoardSections
{
    public static readonly IReadOnlyList<string> Extra = ["/Pages/Staff/Reports/_BoardLearning.cshtml", "/Pages/Staff/Reports/_BoardEquality.cshtml"];
}
