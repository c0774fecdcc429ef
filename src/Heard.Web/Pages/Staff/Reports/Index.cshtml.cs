using System.Globalization;
using Heard.Application.Intake;
using Heard.Domain.Reporting;
using Heard.Web.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Reports;

/// <summary>
/// Choose the period of the board report: a quarter, a financial year (April to March) or custom dates. The dates
/// go in the query string (they are not personal data); a refused period shows ReportPeriod's message.
/// </summary>
public sealed class IndexModel(TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? QuarterYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    public int CurrentYear { get; private set; }

    public IReadOnlyList<Choice> Years { get; private set; } = [];

    public static readonly IReadOnlyList<Choice> Quarters =
    [
        new("1", "Q1 (April to June)"),
        new("2", "Q2 (July to September)"),
        new("3", "Q3 (October to December)"),
        new("4", "Q4 (January to March)"),
    ];

    public IActionResult OnGet()
    {
        CurrentYear = ReportPeriod.FinancialYearOf(UkTime.Today(clock));
        Years = Enumerable.Range(2010, CurrentYear - 2010 + 1).Reverse()
            .Select(y => new Choice(y.ToString(CultureInfo.InvariantCulture), ReportPeriod.FinancialYear(y).Name)).ToList();
        Year ??= CurrentYear;
        QuarterYear ??= CurrentYear;
        Quarter ??= 1;
        switch (Kind)
        {
            case "quarter" when Quarter is >= 1 and <= 4 && QuarterYear is >= 2010 && QuarterYear <= CurrentYear:
                return Show(ReportPeriod.Quarter(QuarterYear.Value, Quarter.Value));
            case "quarter":
                ModelState.AddModelError(nameof(QuarterYear), "Choose a financial year and a quarter from the lists");
                return Page();
            case "year" when Year is >= 2010 && Year <= CurrentYear:
                return Show(ReportPeriod.FinancialYear(Year.Value));
            case "year":
                ModelState.AddModelError(nameof(Year), "Choose a financial year from the list");
                return Page();
            case "custom":
                var (from, fromError) = From.Read("The start date");
                var (to, toError) = To.Read("The end date");
                if (From.IsEmpty)
                {
                    fromError = "Enter the start date";
                }

                if (To.IsEmpty)
                {
                    toError = "Enter the end date";
                }

                if (fromError is not null)
                {
                    ModelState.AddModelError(nameof(From), fromError);
                }

                if (toError is not null)
                {
                    ModelState.AddModelError(nameof(To), toError);
                }

                if (from is { } f && to is { } t && fromError is null && toError is null)
                {
                    if (ReportPeriod.Problem(f, t) is { } problem)
                    {
                        ModelState.AddModelError(nameof(To), problem);
                        return Page();
                    }

                    return Show(ReportPeriod.Custom(f, t));
                }

                return Page();
            default:
                return Page();
        }
    }

    private RedirectToPageResult Show(ReportPeriod period) =>
        RedirectToPage("Board", new { from = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
}
