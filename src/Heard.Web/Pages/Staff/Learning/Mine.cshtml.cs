using Heard.Application.Identity;
using Heard.Application.Learning;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Learning;

/// <summary>The open learning actions the signed-in member of staff owns, overdue ones marked.</summary>
public sealed class MineModel(LearningActions actions, UserManager<HeardUser> users) : PageModel
{
    public IReadOnlyList<LearningActionView> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        Actions = await actions.OwnedByAsync(who.UserId, cancellationToken);
        return Page();
    }
}
