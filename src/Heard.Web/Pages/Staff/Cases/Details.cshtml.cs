using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Tracking;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Cases;

public sealed class DetailsModel(CurrentViewer current, CaseAccess access, CaseQueries queries, Tracking tracking, TimeProvider clock) : PageModel
{
    public CaseView View { get; private set; } = default!;

    public IReadOnlyList<NamedPerson> NamedPeople { get; private set; } = [];

    public IReadOnlyList<TrackingLinkSummary> TrackingLinks { get; private set; } = [];

    public int LiveTrackingLinks { get; private set; }

    public bool ManagesAccess { get; private set; }

    public bool ReadsAccessLog { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await current.GetAsync(cancellationToken);
        // Not found whether it does not exist or is outside the viewer's scope: a guessed address tells nothing.
        if (!await access.CanSeeAsync(viewer, id, cancellationToken) || await queries.FindAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        await access.RecordViewAsync(viewer, id, "case-page", cancellationToken);
        View = view;
        NamedPeople = await access.NamedPeopleAsync(id, cancellationToken);
        TrackingLinks = await tracking.LinksAsync(id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        LiveTrackingLinks = TrackingLinks.Count(l => l.RevokedAt is null && l.ExpiresAt > now);
        ManagesAccess = CaseAccessRules.ManagesRestrictions(viewer);
        ReadsAccessLog = CaseAccessRules.ReadsAccessLog(viewer);
        return Page();
    }
}
