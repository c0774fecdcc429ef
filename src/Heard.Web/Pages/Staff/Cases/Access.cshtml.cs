using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Queues;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Cases;

/// <summary>Restrict a case to named people (for example a complaint about a manager), and say who they are.</summary>
public sealed class AccessModel(CurrentViewer current, CaseAccess access, CaseQueries queries, CaseAssignment assignment) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public CaseView View { get; private set; } = default!;

    public IReadOnlyList<NamedPerson> NamedPeople { get; private set; } = [];

    public IReadOnlyList<Choice> PersonChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostRestrictAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, viewer => access.SetRestrictedAsync(viewer, id, Version, restricted: true, Reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, viewer => access.SetRestrictedAsync(viewer, id, Version, restricted: false, Reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostNameAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, viewer => access.NameAsync(viewer, id, Version, PersonId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUnnameAsync(Guid id, Guid person, CancellationToken cancellationToken) =>
        ChangeAsync(id, viewer => access.UnnameAsync(viewer, id, Version, person, cancellationToken), cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Viewer, Task<CaseChange>> change, CancellationToken cancellationToken)
    {
        var viewer = await current.GetAsync(cancellationToken);
        var result = await change(viewer);
        if (result.Outcome == CaseChangeOutcome.Done)
        {
            // A case restricted to people who do not include this viewer would be gone for them: go home instead.
            return await access.CanSeeAsync(viewer, id, cancellationToken) ? Redirect($"/staff/cases/{id}/access") : Redirect("/staff");
        }

        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (result.Outcome == CaseChangeOutcome.Stale)
        {
            Version = View.Case.Version;
        }

        return CaseChangeResponses.Refusal(result, ModelState, Page)!;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await current.GetAsync(cancellationToken);
        if (!await access.CanSeeAsync(viewer, id, cancellationToken) || await queries.FindAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        if (!CaseAccessRules.ManagesRestrictions(viewer))
        {
            return Forbid();
        }

        View = view;
        if (!ModelState.ContainsKey(nameof(Version)) || Version == 0)
        {
            Version = view.Case.Version;
        }

        NamedPeople = await access.NamedPeopleAsync(id, cancellationToken);
        var named = NamedPeople.Select(p => p.UserId).ToHashSet();
        PersonChoices = [new Choice("", "Select a person"), .. (await assignment.PeopleAsync(cancellationToken))
            .Where(p => !named.Contains(p.Id))
            .Select(p => new Choice(p.Id.ToString(), p.Detail is null ? p.Name : $"{p.Name} – {p.Detail}"))];
        return null;
    }
}
