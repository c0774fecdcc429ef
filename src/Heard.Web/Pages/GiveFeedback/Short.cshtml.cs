using Heard.Application.Feedback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.GiveFeedback;

/// <summary>The short link printed on letters, <c>/f/{tag}</c>: on to the survey. Anything that cannot be a tag goes to the untagged survey.</summary>
public sealed class ShortModel : PageModel
{
    public IActionResult OnGet(string? tag) =>
        FeedbackLinks.Normalise(tag) is { } code ? Redirect($"/feedback/{code}") : Redirect("/feedback");
}
