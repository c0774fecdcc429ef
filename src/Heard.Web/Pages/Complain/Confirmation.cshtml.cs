using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Complain;

/// <summary>Shown only after the case is saved; the reference travels in TempData, never in the URL.</summary>
public sealed class ConfirmationModel : PageModel
{
    public string? Reference { get; private set; }

    public string? TrackingUrl { get; private set; }

    public IActionResult OnGet()
    {
        Reference = TempData.Peek(IndexModel.ReferenceKey) as string;
        TrackingUrl = TempData.Peek(IndexModel.TrackingKey) is string path ? $"{Request.Scheme}://{Request.Host}{path}" : null;
        return Reference is null ? RedirectToPage("Index") : Page();
    }
}
