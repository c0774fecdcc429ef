using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.MpEnquiries;
using Heard.Application.Records;
using Heard.Domain.Records;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Heard.Web.Pages.Staff.MpEnquiries;

/// <summary>The communications team's page for one MP enquiry: consent, links, and recording the response.</summary>
public sealed class ManageModel(CaseQueries queries, UserManager<HeardUser> users, CurrentViewer current, CaseAccess access, RecordViews views, CaseLinks links, MpEnquiryHandling handling) : RecordManageModel(queries, users, current, access)
{
    [BindProperty]
    public DateParts ConsentOn { get; set; } = new();

    [BindProperty]
    public ConsentEvidence? ConsentHow { get; set; }

    [BindProperty]
    public string? ConsentNote { get; set; }

    [BindProperty]
    public string? LinkReference { get; set; }

    [BindProperty]
    public DateParts SentOn { get; set; } = new();

    [BindProperty]
    public string? ResponseSummary { get; set; }

    [BindProperty]
    public string? LetterSubject { get; set; }

    [BindProperty]
    public string? LetterBody { get; set; }

    public MpEnquiry Enquiry { get; private set; } = default!;

    public Application.Deadlines.CaseDeadline? Deadline { get; private set; }

    public IReadOnlyList<LinkedRecord> Suggestions { get; private set; } = [];

    public static readonly IReadOnlyList<Choice> ConsentChoices =
    [
        new(nameof(ConsentEvidence.SignedConsentFromMp), ConsentEvidence.SignedConsentFromMp.Describe()),
        new(nameof(ConsentEvidence.MpConfirmedInWriting), ConsentEvidence.MpConfirmedInWriting.Describe()),
        new(nameof(ConsentEvidence.ConstituentConfirmedToUs), ConsentEvidence.ConstituentConfirmedToUs.Describe()),
    ];

    protected override async Task LoadRecordAsync(CancellationToken cancellationToken)
    {
        Enquiry = (await views.MpEnquiryAsync(Id, cancellationToken))!;
        Deadline = await views.DeadlineAsync(Id, RecordDeadlineKinds.MpResponse, cancellationToken);
        Suggestions = await links.SuggestComplaintsAsync(Id, cancellationToken);
        if (Enquiry.ResponseSentOn is null && HttpMethods.IsGet(Request.Method) && await StaffMemberAsync() is { } who)
        {
            (LetterSubject, LetterBody) = await handling.DraftResponseAsync(Id, who, cancellationToken);
        }
    }

    public Task<IActionResult> OnPostLetterAsync(CancellationToken cancellationToken) =>
        ChangeAsync(actor => handling.SendResponseLetterAsync(Id, Version, LetterSubject, LetterBody, actor, cancellationToken),
            "Response letter sent to the MP", null, null, cancellationToken);

    public Task<IActionResult> OnPostConsentAsync(CancellationToken cancellationToken)
    {
        var on = ModelState.ReadDate(ConsentOn, nameof(ConsentOn), "The date of consent");
        return ChangeAsync(actor => handling.RecordConsentAsync(Id, Version, on, ConsentHow, ConsentNote, actor, cancellationToken),
            "Consent recorded", null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostLinkAsync(CancellationToken cancellationToken) =>
        ChangeAsync(actor => handling.LinkAsync(Id, Version, LinkReference, actor, cancellationToken),
            "Linked", null, new Dictionary<string, string> { ["Reference"] = nameof(LinkReference) }, cancellationToken);

    public Task<IActionResult> OnPostResponseAsync(CancellationToken cancellationToken)
    {
        var sent = ModelState.ReadDate(SentOn, nameof(SentOn), "The date the response was sent");
        return ChangeAsync(actor => handling.RecordResponseSentAsync(Id, Version, sent, ResponseSummary, actor, cancellationToken: cancellationToken),
            "Response recorded as sent", null, new Dictionary<string, string> { ["Summary"] = nameof(ResponseSummary) }, cancellationToken);
    }
}
