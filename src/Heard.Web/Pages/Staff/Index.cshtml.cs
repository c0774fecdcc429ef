using Heard.Application.Access;
using Heard.Application.Email;
using Heard.Application.Identity;
using Heard.Application.Queues;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff;

public sealed class IndexModel(CurrentViewer current, CaseQueues queues, OutboxDispatcher outbox) : PageModel
{
    public const string LoggedKey = "LoggedReference";

    /// <summary>The reference of a complaint just logged by someone whose role does not cover it.</summary>
    public string? Logged { get; private set; }

    public bool CanSeeCases { get; private set; }

    public bool CanAudit { get; private set; }

    public bool IsAdministrator { get; private set; }

    public int NewComplaints { get; private set; }

    public IReadOnlyDictionary<QueueKind, int> Counts { get; private set; } = new Dictionary<QueueKind, int>();

    public int FailedEmails { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Logged = TempData[LoggedKey] as string;
        var viewer = await current.GetAsync(cancellationToken);
        CanSeeCases = CaseAccessRules.WorksWithCases(viewer);
        CanAudit = CaseAccessRules.ReadsAccessLog(viewer);
        IsAdministrator = viewer.IsIn(Roles.Administrator);
        if (CanSeeCases)
        {
            Counts = await queues.CountsAsync(viewer, cancellationToken);
            NewComplaints = (await queues.QueueAsync(viewer, QueueKind.New, new QueueFilter(), 1, 1, cancellationToken)).Total;
        }

        if (CanAudit)
        {
            FailedEmails = await outbox.CountFailedAsync(cancellationToken);
        }
    }
}
