using Heard.Application.Identity;
using Heard.Application.MpEnquiries;
using Heard.Domain.Records;
using Heard.Web.Govuk;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Heard.Web.Pages.Staff.MpEnquiries;

/// <summary>Log an MP's enquiry: the MP, the constituent, consent if it came with it, and the complaint it is about.</summary>
public sealed class LogModel(UserManager<HeardUser> users, TimeProvider clock, MpEnquiryIntake intake) : RecordLogModel(users, clock)
{
    [BindProperty]
    public MpEnquirySubmission Enquiry { get; set; } = new();

    [BindProperty]
    public DateParts ConsentOn { get; set; } = new();

    [BindProperty]
    public ConsentEvidence? ConsentHow { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Enquiry.ConsentOn = ModelState.ReadDate(ConsentOn, nameof(ConsentOn), "The date of consent");
        Enquiry.ConsentHow = ConsentHow;
        return SaveAsync((actor, channel, on, key) => intake.SubmitAsync(Enquiry, channel, actor, key, on, cancellationToken), nameof(Enquiry), cancellationToken,
            new Dictionary<string, string> { ["ConsentOn"] = nameof(ConsentOn), ["ConsentHow"] = nameof(ConsentHow) });
    }
}
