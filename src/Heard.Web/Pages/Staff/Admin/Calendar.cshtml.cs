using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Domain.Calendar;
using Heard.Web.Govuk;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Admin;

/// <summary>
/// The working calendar: the non-working days of a year, the change history, and the administrator's changes
/// (a closure day, a proclamation, a correction, or an import of GOV.UK's bank-holidays.json).
/// </summary>
public sealed class CalendarModel(CalendarStore store, CalendarAdministration administration, UserManager<HeardUser> users, TimeProvider clock) : PageModel
{
    public const long MaxImportBytes = 1_000_000;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DateParts Date { get; set; } = new();

    [BindProperty]
    public CalendarAdjustmentKind? Kind { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<NonWorkingDay> Days { get; private set; } = [];

    public IReadOnlyList<CalendarChangeRow> History { get; private set; } = [];

    public IReadOnlyList<string> ImportErrors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public static readonly IReadOnlyList<Choice> KindChoices =
    [
        new(nameof(CalendarAdjustmentKind.Closure), "The service is closed", "For example, an office move or a national day of mourning that is not a bank holiday"),
        new(nameof(CalendarAdjustmentKind.BankHoliday), "A bank holiday", "A proclamation, or a correction to the published list"),
        new(nameof(CalendarAdjustmentKind.WorkingDay), "A working day", "A moved holiday's usual date, or a correction"),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (date, dateError) = Date.Read("The date");
        if (dateError is not null || date is null)
        {
            ModelState.AddModelError(nameof(Date), dateError ?? "Enter the date");
        }

        if (Kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Select what the date becomes");
        }

        if (Kind is not null and not CalendarAdjustmentKind.WorkingDay && string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter the name of the holiday or closure");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter the reason for the change");
        }

        if (Name?.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), "The name must be 200 characters or fewer");
        }

        if (Reason?.Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), "The reason must be 1,000 characters or fewer");
        }

        if (ModelState.IsValid)
        {
            var adjustment = new CalendarAdjustment(date!.Value, Kind!.Value, Name?.Trim() ?? "", Reason!.Trim());
            try
            {
                var result = await administration.ApplyAsync([adjustment], await ActorAsync(), cancellationToken);
                Message = $"Calendar changed. {Moved(result.DeadlinesMoved)}";
                return RedirectToPage(new { year = date.Value.Year });
            }
            catch (CalendarException refused)
            {
                ModelState.AddModelError(nameof(Date), refused.Message);
            }
        }

        Year ??= date?.Year;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a bank-holidays.json file");
        }
        else if (Upload.Length > MaxImportBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file must be smaller than 1 MB");
        }
        else
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            var json = await reader.ReadToEndAsync(cancellationToken);
            try
            {
                var (result, errors) = await administration.ImportAsync(json, await ActorAsync(), cancellationToken);
                if (result is not null)
                {
                    Message = result.ChangesStored == 0
                        ? "The file matches the calendar: nothing changed."
                        : $"Imported {result.ChangesStored} change{(result.ChangesStored == 1 ? "" : "s")}. {Moved(result.DeadlinesMoved)}";
                    return RedirectToPage(new { year = Year });
                }

                ImportErrors = errors;
                ModelState.AddModelError(nameof(Upload), "The file was not imported: nothing has changed. " + errors[0]);
            }
            catch (CalendarException refused)
            {
                ModelState.AddModelError(nameof(Upload), "The file was not imported: nothing has changed. " + refused.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var year = Year is >= 1990 and <= 2100 ? Year.Value : UkTime.Today(clock).Year;
        Year = year;
        var calendar = await store.CurrentAsync(cancellationToken);
        Days = calendar.NonWorkingDaysBetween(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        History = await administration.HistoryAsync(cancellationToken);
    }

    private async Task<Actor> ActorAsync()
    {
        var user = await users.GetUserAsync(User);
        return new Actor(user?.Id, user?.DisplayName ?? User.Identity?.Name ?? "Administrator", Roles.Administrator);
    }

    private static string Moved(int count) => count switch
    {
        0 => "No open case's deadline moved.",
        1 => "1 open case's deadline moved; its history says so.",
        _ => $"{count} open cases' deadlines moved; each case's history says so.",
    };
}
