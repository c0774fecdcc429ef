using Heard.Application.Identity;
using Heard.Application.SubjectAccess;
using Heard.Web.Govuk;
using Heard.Web.Pages.Staff.Records;
using Heard.Web.Pages.YourData;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Heard.Web.Pages.Staff.SubjectAccess;

/// <summary>Log a subject access request that came by letter, email or phone; identity can be confirmed at once.</summary>
public sealed class LogModel(UserManager<HeardUser> users, TimeProvider clock, SarIntake intake) : RecordLogModel(users, clock)
{
    [BindProperty]
    public SarForm Form { get; set; } = new();

    [BindProperty]
    public DateParts IdentityConfirmedOn { get; set; } = new();

    [BindProperty]
    public string? IdentityEvidence { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var dob = ModelState.ReadDate(Form.SubjectDateOfBirth, "Form.SubjectDateOfBirth", "The date of birth");
        var confirmed = ModelState.ReadDate(IdentityConfirmedOn, nameof(IdentityConfirmedOn), "The date identity was confirmed");
        var submission = Form.ToSubmission(dob);
        submission.IdentityConfirmedOn = confirmed;
        submission.IdentityEvidence = IdentityEvidence;
        return SaveAsync((actor, channel, on, key) => intake.SubmitAsync(submission, channel, actor, key, on, cancellationToken), nameof(Form), cancellationToken,
            new Dictionary<string, string> { ["IdentityConfirmedOn"] = nameof(IdentityConfirmedOn), ["IdentityEvidence"] = nameof(IdentityEvidence) });
    }
}
