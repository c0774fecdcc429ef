using Heard.Application.Intake;
using Heard.Application.Learning;
using Heard.Domain.Reporting;
using Heard.Web.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Learning;

/// <summary>
/// The national learning panel: themes over time, learning actions open / done / overdue, and recent learning.
/// Aggregates only, so board readers may read it; no case reference or name appears.
/// </summary>
public sealed class IndexModel(LearningReports reports, TimeProvider clock) : PageModel
{
    public const int FirstYear = 2010;

    public LearningPanel Panel { get; private set; } = default!;

    /// <summary>The financial year (its starting year); none means the last two financial years.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public IReadOnlyList<Choice> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var current = ReportPeriod.FinancialYearOf(UkTime.Today(clock));
        Years = [new Choice("", "The last two financial years"), .. Enumerable.Range(FirstYear, current - FirstYear + 1).Reverse().Select(y => new Choice(y.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportPeriod.FinancialYear(y).Name))];
        ReportPeriod period;
        if (string.IsNullOrEmpty(Year))
        {
            period = new ReportPeriod(ReportPeriod.FinancialYear(current - 1).From, ReportPeriod.FinancialYear(current).To, $"{ReportPeriod.FinancialYear(current - 1).Name} and {ReportPeriod.FinancialYear(current).Name}");
        }
        else if (int.TryParse(Year, out var year) && year >= FirstYear && year <= current)
        {
            period = ReportPeriod.FinancialYear(year);
        }
        else
        {
            ModelState.AddModelError(nameof(Year), $"Choose a financial year from {ReportPeriod.FinancialYear(FirstYear).Name} to {ReportPeriod.FinancialYear(current).Name}");
            period = ReportPeriod.FinancialYear(current);
        }

        Panel = await reports.PanelAsync(period, includeChildrensLearningText: true, cancellationToken);
        return Page();
    }
}
