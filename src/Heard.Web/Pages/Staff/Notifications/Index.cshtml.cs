using Heard.Application.Identity;
using Heard.Application.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Notifications;

/// <summary>Your notifications: compliments passed on to you or about your team. Only ever your own.</summary>
public sealed class IndexModel(StaffNotifications notifications, UserManager<HeardUser> users) : PageModel
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Items = await notifications.ForUserAsync(user.Id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return await notifications.MarkReadAsync(user.Id, id, cancellationToken) ? Redirect("/staff/notifications") : NotFound();
    }
}
