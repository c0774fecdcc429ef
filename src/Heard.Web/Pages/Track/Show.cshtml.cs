using Heard.Application.Tracking;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Track;

/// <summary>
/// The public tracking page. An unknown, revoked or expired link gets one and the same "not found" answer, so
/// nobody can learn from it which references or links exist.
/// </summary>
public sealed class ShowModel(Tracking tracking) : PageModel
{
    public TrackingView? View { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken cancellationToken)
    {
        View = await tracking.ViewAsync(token, cancellationToken);
        if (View is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
