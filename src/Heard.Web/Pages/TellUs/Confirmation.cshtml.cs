using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.TellUs;

/// <summary>Shown once the child's complaint is saved; what it says travels in TempData, never in the URL.</summary>
public sealed class ConfirmationModel : PageModel
{
    public string? Reference { get; private set; }

    public DateOnly? FirstContactDueOn { get; private set; }

    public DateOnly? ResponseDueOn { get; private set; }

    public IActionResult OnGet()
    {
        Reference = TempData.Peek(IndexModel.ReferenceKey) as string;
        FirstContactDueOn = Read(IndexModel.FirstContactDueKey);
        ResponseDueOn = Read(IndexModel.ResponseDueKey);
        return Reference is null ? RedirectToPage("Index") : Page();
    }

    // TempData's serializer hands back a string that looks like a date as a DateTime.
    private DateOnly? Read(string key) => TempData.Peek(key) switch
    {
        DateTime at => DateOnly.FromDateTime(at),
        string text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => null,
    };
}
