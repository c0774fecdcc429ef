using Heard.Application.Cases;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff;

public sealed class IndexModel(CaseQueries queries) : PageModel
{
    public int NewComplaints { get; private set; }

    public bool CanSeeCases { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanSeeCases = Heard.Application.Identity.Roles.Casework.Any(User.IsInRole);
        if (CanSeeCases)
        {
            NewComplaints = await queries.CountNewComplaintsAsync(cancellationToken);
        }
    }
}
