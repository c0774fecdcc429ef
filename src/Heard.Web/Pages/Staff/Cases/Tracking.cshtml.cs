using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Tracking;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Cases;

/// <summary>A case's tracking links: give a new one (shown once, to pass on) or stop them all.</summary>
public sealed class TrackingModel(CurrentViewer current, CaseAccess access, CaseQueries queries, Tracking tracking, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? RevokeReason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public CaseView View { get; private set; } = default!;

    public IReadOnlyList<TrackingLinkSummary> Links { get; private set; } = [];

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A link just made: shown on this response only, never stored in a readable form.</summary>
    public IssuedTrackingLink? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var viewer = await current.GetAsync(cancellationToken);
        Issued = await tracking.IssueAsync(id, viewer.ToActor(), cancellationToken);
        Version = 0;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await current.GetAsync(cancellationToken);
        var result = await tracking.RevokeAllAsync(viewer, id, Version, RevokeReason, access, cancellationToken);
        if (result.Outcome == CaseChangeOutcome.Done)
        {
            return Redirect($"/staff/cases/{id}/tracking");
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

        View = view;
        if (Version == 0)
        {
            Version = view.Case.Version;
        }

        Links = await tracking.LinksAsync(id, cancellationToken);
        return null;
    }
}
