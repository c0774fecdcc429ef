using Heard.Application.Procedure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Admin.Policies;

/// <summary>Every stored version of the complaints procedure, oldest first.</summary>
public sealed class IndexModel(PolicyCatalogue policies) : PageModel
{
    public IReadOnlyList<PolicyVersion> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Versions = await policies.ListAsync(cancellationToken);
}
