using Heard.Application.Records;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Queues;

/// <summary>What the shared team queue table needs: the queue and the words around it.</summary>
public sealed record TeamQueuePage(string Title, string Intro, TeamQueueView Queue, string LogHref, string LogText, string WhatColumn);

public sealed class MpEnquiriesModel(TeamQueues queues) : PageModel
{
    public TeamQueuePage View { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = new TeamQueuePage("MP enquiries", "Open enquiries from MPs, most urgent first. The response target is counted in working days from receipt.",
            await queues.MpEnquiriesAsync(cancellationToken), "/staff/mp-enquiries/log", "Log an MP enquiry", "MP");
}

public sealed class SubjectAccessModel(TeamQueues queues) : PageModel
{
    public TeamQueuePage View { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = new TeamQueuePage("Subject access requests", "Open requests, most urgent first. The statutory clock starts when identity is confirmed and stops while waiting for clarification.",
            await queues.SubjectAccessAsync(cancellationToken), "/staff/subject-access/log", "Log a subject access request", "Whose information");
}

public sealed class ComplimentsModel(TeamQueues queues) : PageModel
{
    public TeamQueuePage View { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = new TeamQueuePage("Compliments to pass on", "Compliments not yet passed on to the member of staff and their manager, most urgent first.",
            await queues.ComplimentsAsync(cancellationToken), "/staff/compliments/log", "Log a compliment", "Who it is for");
}

public sealed class OmbudsmanModel(TeamQueues queues) : PageModel
{
    public TeamQueuePage View { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = new TeamQueuePage("Ombudsman cases", "Open Ombudsman (PHSO) cases. The due date is the earliest information request or recommendation still outstanding.",
            await queues.OmbudsmanAsync(cancellationToken), "/staff/ombudsman/log", "Log an Ombudsman case", "Ombudsman");
}
