using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Queues;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Cases;

/// <summary>Assign or reassign a case to a person and/or a team.</summary>
public sealed class AssignModel(CurrentViewer current, CaseAccess access, CaseQueries queries, CaseAssignment assignment) : PageModel
{
    [BindProperty]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public Guid? TeamId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public CaseView View { get; private set; } = default!;

    public IReadOnlyList<Choice> PersonChoices { get; private set; } = [];

    public IReadOnlyList<Choice> TeamChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        PersonId = View.Case.AssignedToId;
        TeamId = View.Case.TeamId;
        Version = View.Case.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await current.GetAsync(cancellationToken);
        var change = await assignment.AssignAsync(viewer, id, Version, PersonId, TeamId, cancellationToken);
        if (change.Outcome == CaseChangeOutcome.Done)
        {
            return Redirect($"/staff/cases/{id}");
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (change.Outcome == CaseChangeOutcome.Stale)
        {
            // The message says what happened; the next save is made against the case as it is now.
            Version = View.Case.Version;
        }

        return CaseChangeResponses.Refusal(change, ModelState, Page)!;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await current.GetAsync(cancellationToken);
        if (!await access.CanSeeAsync(viewer, id, cancellationToken) || await queries.FindAsync(id, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        PersonChoices = [new Choice("", "Nobody"), .. (await assignment.PeopleAsync(cancellationToken)).Select(p => new Choice(p.Id.ToString(), p.Detail is null ? p.Name : $"{p.Name} – {p.Detail}"))];
        TeamChoices = [new Choice("", "No team"), .. (await assignment.TeamsAsync(cancellationToken)).Select(t => new Choice(t.Id.ToString(), t.Name))];
        return true;
    }
}
