using Heard.Application.Email;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Email;

/// <summary>Emails the dispatcher gave up on, and a way to try again once the cause is fixed.</summary>
public sealed class FailedModel(CurrentViewer current, OutboxDispatcher outbox) : PageModel
{
    public IReadOnlyList<FailedEmail> Failed { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Failed = await outbox.FailedAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var viewer = await current.GetAsync(cancellationToken);
        Done = await outbox.RetryAsync(id, viewer.ToActor(), cancellationToken)
            ? "The email will be sent again in the next minute."
            : "That email is no longer waiting: it may already have been retried.";
        return Redirect("/staff/email/failed");
    }
}
