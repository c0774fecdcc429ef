using Heard.Application.Procedure;
using Heard.Domain.Procedure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Admin.Policies;

/// <summary>One version of a procedure: its dates, states, steps and who may take them, letters, and the definition.</summary>
public sealed class PolicyModel(PolicyCatalogue policies) : PageModel
{
    public PolicyVersion Row { get; private set; } = default!;

    public ProcedurePolicy Policy { get; private set; } = default!;

    public int CasesFollowing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var row = await policies.FindRowAsync(key, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        Row = row;
        Policy = await policies.GetAsync(key, cancellationToken);
        CasesFollowing = await policies.CasesFollowingAsync(key, cancellationToken);
        return Page();
    }
}
