using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.GiveFeedback;

public sealed class SentModel : PageModel
{
    public bool FromChild { get; private set; }

    public void OnGet() => FromChild = TempData.Peek(IndexModel.ChildThanksKey) as bool? == true;
}
