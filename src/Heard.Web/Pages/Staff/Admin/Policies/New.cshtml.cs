using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Procedure;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Admin.Policies;

/// <summary>
/// Make a new version of a procedure from an existing one: edit its definition (dates, steps, roles, rules) and say
/// why. It is checked whole before it is stored; nothing already stored changes.
/// </summary>
public sealed class NewModel(PolicyCatalogue policies, UserManager<HeardUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty]
    public string? Definition { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is null || await policies.FindRowAsync(From, cancellationToken) is null)
        {
            return NotFound();
        }

        Definition = await policies.NextDraftAsync(From, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        try
        {
            var row = await policies.CreateVersionAsync(Definition ?? "", Reason, new Actor(user?.Id, user?.DisplayName ?? "Administrator", Roles.Administrator), cancellationToken);
            return Redirect($"/staff/admin/policies/{row.Key}");
        }
        catch (ValidationFailedException invalid)
        {
            ModelState.AddErrors(invalid.Errors);

            return Page();
        }
    }
}
