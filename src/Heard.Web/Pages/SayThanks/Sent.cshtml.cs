using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.SayThanks;

/// <summary>Shown only after the compliment is saved; the reference travels in TempData, never in the URL.</summary>
public sealed class SentModel : PageModel
{
    public string? Reference { get; private set; }

    public IActionResult OnGet()
    {
        Reference = TempData.Peek(IndexModel.ReferenceKey) as string;
        return Reference is null ? RedirectToPage("Index") : Page();
    }
}
