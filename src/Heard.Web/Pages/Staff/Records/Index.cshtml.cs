using Heard.Application.Feedback;
using Heard.Application.Identity;
using Heard.Application.Records;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Records;

/// <summary>The way in to the record types: each team's queue with its counts, and the pages to log and theme.</summary>
public sealed class IndexModel(TeamQueues queues, FeedbackTheming theming, RecordSummaries summaries, TimeProvider clock) : PageModel
{
    public sealed record Entry(string Title, string Href, TeamQueueView Queue, string LogHref, string LogText);

    public List<Entry> Queues { get; } = [];

    public int FeedbackWaiting { get; private set; }

    public bool ComplaintsTeam { get; private set; }

    /// <summary>This financial year so far.</summary>
    public RecordSummary Summary { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        bool Any(params string[] roles) => roles.Any(User.IsInRole);
        var today = Application.Intake.UkTime.Today(clock);
        Summary = await summaries.ForPeriodAsync(Application.Demo.DemoData.FinancialYearStart(today), today, cancellationToken);
        ComplaintsTeam = Any(Roles.ComplaintsTeam, Roles.ChildrensComplaintsManager, Roles.Administrator);
        if (Any(Roles.Communications, Roles.Administrator))
        {
            Queues.Add(new("MP enquiries", "/staff/queues/mp-enquiries", await queues.MpEnquiriesAsync(cancellationToken), "/staff/mp-enquiries/log", "Log an MP enquiry"));
        }

        if (Any(Roles.InformationRights, Roles.Administrator))
        {
            Queues.Add(new("Subject access requests", "/staff/queues/subject-access", await queues.SubjectAccessAsync(cancellationToken), "/staff/subject-access/log", "Log a request"));
        }

        if (ComplaintsTeam)
        {
            Queues.Add(new("Compliments to pass on", "/staff/queues/compliments", await queues.ComplimentsAsync(cancellationToken), "/staff/compliments/log", "Log a compliment"));
            Queues.Add(new("Ombudsman cases", "/staff/queues/ombudsman", await queues.OmbudsmanAsync(cancellationToken), "/staff/ombudsman/log", "Log an Ombudsman case"));
            FeedbackWaiting = await theming.CountWaitingAsync(cancellationToken);
        }
    }
}
