using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Learning;
using Heard.Application.Procedure;
using Heard.Web.Infrastructure;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Admin;

/// <summary>The themes taxonomy for administrators: add, rename or describe, retire or reinstate, reorder.</summary>
public sealed class ThemesModel(ThemeAdministration themes, UserManager<HeardUser> users) : PageModel
{
    private const string DoneKey = "ThemesDone";

    public IReadOnlyList<ThemeRow> Rows { get; private set; } = [];

    public IReadOnlyList<ThemeChangeRow> Changes { get; private set; } = [];

    public ThemeRow? Editing { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public async Task<IActionResult> OnGetAsync(string? edit, CancellationToken cancellationToken)
    {
        Done = TempData[DoneKey] as string;
        await LoadAsync(edit, cancellationToken);
        if (Editing is not null)
        {
            Name = Editing.Name;
            Description = Editing.Description;
        }

        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        ActAsync(null, $"Theme “{Name?.Trim()}” added", who => themes.AddAsync(Name, Description, who, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostChangeAsync(string code, CancellationToken cancellationToken) =>
        ActAsync(code, "Theme saved", who => themes.ChangeAsync(code, Name, Description, who, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRetireAsync(string code, CancellationToken cancellationToken) =>
        ActAsync(null, "Theme retired: it stays on the records that have it, and is no longer offered", who => themes.SetActiveAsync(code, false, who, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReinstateAsync(string code, CancellationToken cancellationToken) =>
        ActAsync(null, "Theme reinstated", who => themes.SetActiveAsync(code, true, who, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUpAsync(string code, CancellationToken cancellationToken) =>
        ActAsync(null, "Theme moved up", who => themes.MoveAsync(code, up: true, who, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDownAsync(string code, CancellationToken cancellationToken) =>
        ActAsync(null, "Theme moved down", who => themes.MoveAsync(code, up: false, who, cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(string? editing, string message, Func<StaffMember, Task> change, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        try
        {
            await change(who);
            TempData[DoneKey] = message;
            return Redirect("/staff/admin/themes");
        }
        catch (ValidationFailedException invalid)
        {
            ModelState.AddErrors(invalid.Errors);
        }
        catch (TransitionRefusedException refused)
        {
            ModelState.AddModelError("", refused.Message);
        }

        await LoadAsync(editing, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string? edit, CancellationToken cancellationToken)
    {
        Rows = await themes.ListAsync(cancellationToken);
        Changes = await themes.ChangesAsync(cancellationToken: cancellationToken);
        Editing = edit is null ? null : Rows.FirstOrDefault(r => r.Code == edit);
    }
}
