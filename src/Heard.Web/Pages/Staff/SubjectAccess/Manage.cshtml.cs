using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Deadlines;
using Heard.Application.Identity;
using Heard.Application.Records;
using Heard.Application.SubjectAccess;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Heard.Web.Pages.Staff.SubjectAccess;

/// <summary>
/// The information rights team's page for one request: identity (starts the clock), clarification (stops it), an
/// extension, disclosure, an ICO complaint, and the export of what Heard itself holds about the subject.
/// </summary>
public sealed class ManageModel(CaseQueries queries, UserManager<HeardUser> users, CurrentViewer current, CaseAccess access, RecordViews views, SarHandling handling, SubjectDataExport export) : RecordManageModel(queries, users, current, access)
{
    private readonly UserManager<HeardUser> _users = users;

    [BindProperty] public DateParts ConfirmedOn { get; set; } = new();
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public DateParts AskedOn { get; set; } = new();
    [BindProperty] public string? What { get; set; }
    [BindProperty] public DateParts ClarifiedOn { get; set; } = new();
    [BindProperty] public DateParts ToldOn { get; set; } = new();
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public DateParts SentOn { get; set; } = new();
    [BindProperty] public string? Pages { get; set; }
    [BindProperty] public List<string> Exemptions { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DateParts ComplainedOn { get; set; } = new();
    [BindProperty] public string? IcoReference { get; set; }
    [BindProperty] public string? IcoOutcome { get; set; }
    [BindProperty] public DateParts OutcomeOn { get; set; } = new();

    public SubjectAccessRequest Sar { get; private set; } = default!;

    public CaseDeadline? Deadline { get; private set; }

    public static readonly IReadOnlyList<Choice> ExemptionChoices = SarExemptions.All.Select(e => new Choice(e.Code, e.Name)).ToList();

    protected override async Task LoadRecordAsync(CancellationToken cancellationToken)
    {
        Sar = (await views.SubjectAccessAsync(Id, cancellationToken))!;
        Deadline = await views.DeadlineAsync(Id, RecordDeadlineKinds.SarResponse, cancellationToken);
    }

    public Task<IActionResult> OnPostIdentityAsync(CancellationToken cancellationToken)
    {
        var on = ModelState.ReadDate(ConfirmedOn, nameof(ConfirmedOn), "The date identity was confirmed");
        return ChangeAsync(a => handling.ConfirmIdentityAsync(Id, Version, on, Evidence, a, cancellationToken), "Identity confirmed: the clock has started", null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostClarifyAsync(CancellationToken cancellationToken)
    {
        var on = ModelState.ReadDate(AskedOn, nameof(AskedOn), "The date clarification was asked for");
        return ChangeAsync(a => handling.AskForClarificationAsync(Id, Version, on, What, a, cancellationToken), "Clock stopped while waiting for clarification", null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostClarifiedAsync(CancellationToken cancellationToken)
    {
        var on = ModelState.ReadDate(ClarifiedOn, nameof(ClarifiedOn), "The date the clarification arrived");
        return ChangeAsync(a => handling.ClarificationReceivedAsync(Id, Version, on, a, cancellationToken), "Clock restarted", null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostExtendAsync(CancellationToken cancellationToken)
    {
        var on = ModelState.ReadDate(ToldOn, nameof(ToldOn), "The date the requester was told");
        return ChangeAsync(a => handling.ExtendAsync(Id, Version, on, Reasons, a, cancellationToken), "Extended by two months", null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostDiscloseAsync(CancellationToken cancellationToken)
    {
        var on = ModelState.ReadDate(SentOn, nameof(SentOn), "The date the disclosure was sent");
        int? pages = null;
        if (!string.IsNullOrWhiteSpace(Pages))
        {
            if (int.TryParse(Pages.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                pages = n;
            }
            else
            {
                ModelState.AddModelError(nameof(Pages), "Enter the number of pages as a whole number, like 120");
            }
        }

        return ChangeAsync(a => handling.RecordDisclosureAsync(Id, Version, on, pages, Exemptions, Note, a, cancellationToken), "Disclosure recorded", null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostIcoAsync(CancellationToken cancellationToken)
    {
        var on = ModelState.ReadDate(ComplainedOn, nameof(ComplainedOn), "The date of the ICO complaint");
        var outcomeOn = ModelState.ReadDate(OutcomeOn, nameof(OutcomeOn), "The date of the ICO's outcome");
        return ChangeAsync(a => handling.RecordIcoComplaintAsync(Id, Version, on, IcoReference, IcoOutcome, outcomeOn, a, cancellationToken), "ICO complaint recorded", null,
            new Dictionary<string, string> { ["Outcome"] = nameof(IcoOutcome) }, cancellationToken);
    }

    /// <summary>Downloads everything Heard holds about the subject; the export is written to the request's history first.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        var file = await export.ExportAsync(Id, await StaffActor.OfAsync(User, _users), cancellationToken);
        return File(file.Content, "application/json", file.FileName);
    }
}
