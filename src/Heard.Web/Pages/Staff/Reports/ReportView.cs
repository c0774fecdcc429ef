using System.Globalization;
using Heard.Application.Reporting;
using Heard.Domain.Reporting;

namespace Heard.Web.Pages.Staff.Reports;

/// <summary>What the report's partials need: the report, its tables, and how to link a figure to its records.</summary>
public sealed record ReportView(BoardReportResult Report, IReadOnlyList<ReportTable> Tables, bool Links)
{
    public ReportPeriod Period => Report.Current.Period;

    public string From => Iso(Period.From);

    public string To => Iso(Period.To);

    public ReportTable Table(string id) => Tables.Single(t => t.Id == id);

    public string RecordsLink(string figure, ReportRow? row = null)
    {
        var link = $"/staff/reports/records?figure={Uri.EscapeDataString(figure)}&from={From}&to={To}";
        if (row?.ServiceAreaId is { } area)
        {
            link += $"&area={area}";
        }

        if (row?.LawType is { } law)
        {
            link += $"&law={law}";
        }

        return link;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ReportView Create(BoardReportResult report) => new(report, ReportTables.From(report), true);
}

/// <summary>A horizontal bar chart of one table's numbers (this period and a year earlier), drawn as SVG on the server.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<(string Label, double Now, double Then)> Bars, string NowName, string ThenName, string Unit = "")
{
    public double Max => Math.Max(1, Bars.Count == 0 ? 1 : Bars.Max(b => Math.Max(b.Now, b.Then)));
}
