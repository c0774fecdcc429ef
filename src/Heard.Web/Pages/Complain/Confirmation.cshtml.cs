using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Complain;

/// <summary>Shown only after the case is saved; the reference and dates travel in TempData, never in the URL.</summary>
public sealed class ConfirmationModel : PageModel
{
    public string? Reference { get; private set; }

    public string? TrackingUrl { get; private set; }
    /// <summary>The dates the case's procedure promises, as the deadline engine worked them out.</summary>
    public DateOnly? AcknowledgementDueOn { get; private set; }

    public DateOnly? ResponseDueOn { get; private set; }

    public IActionResult OnGet()
    {
        Reference = TempData.Peek(IndexModel.ReferenceKey) as string;
        TrackingUrl = TempData.Peek(IndexModel.TrackingKey) is string path ? $"{Request.Scheme}://{Request.Host}{path}" : null;
        AcknowledgementDueOn = Read(IndexModel.AcknowledgementDueKey);
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
