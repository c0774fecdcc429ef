using Heard.Application.Cases;
using Heard.Application.Children;
using Heard.Application.Identity;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Queues;

/// <summary>
/// Children's complaints: every open one for the children's complaints manager; for anyone else only those shared
/// with them (often none).
/// </summary>
public sealed class ChildrenModel(ChildrensComplaints children, UserManager<HeardUser> users) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool IsManager { get; private set; }

    public Page<ChildQueueRow> Rows { get; private set; } = new([], 0, 1, PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        IsManager = who.Has(Roles.ChildrensComplaintsManager);
        Rows = await children.QueueAsync(who, PageNumber, PageSize, cancellationToken);
        return Page();
    }
}
