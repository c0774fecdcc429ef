using Heard.Domain.Reporting;

namespace Heard.Web.Pages.Staff.Reports;

/// <summary>Reads a period from the query string (from, to): names it as a quarter or financial year when it is one.</summary>
public static class PeriodQuery
{
    public static (ReportPeriod? Period, string? Problem) Read(DateOnly? from, DateOnly? to)
    {
        if (from is not { } f || to is not { } t)
        {
            return (null, "Choose the period of the report.");
        }

        if (ReportPeriod.Problem(f, t) is { } problem)
        {
            return (null, problem);
        }

        var year = ReportPeriod.FinancialYearOf(f);
        var fy = ReportPeriod.FinancialYear(year);
        if (fy.From == f && fy.To == t)
        {
            return (fy, null);
        }

        for (var q = 1; q <= 4; q++)
        {
            var quarter = ReportPeriod.Quarter(year, q);
            if (quarter.From == f && quarter.To == t)
            {
                return (quarter, null);
            }
        }

        return (ReportPeriod.Custom(f, t), null);
    }
}
