using Heard.Application.Cases;
using Heard.Application.Intake;
using Heard.Application.SubjectAccess;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Heard.Web.Govuk;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.YourData;

/// <summary>Ask for a copy of the information Cafcass holds (a subject access request).</summary>
public sealed class IndexModel(SarIntake intake) : PageModel
{
    public const string ReferenceKey = "SarReference";

    [BindProperty]
    public SarForm Form { get; set; } = new();

    public static readonly IReadOnlyList<Choice> RelationshipChoices =
    [
        new(nameof(SubjectRelationship.Self), "Information about me"),
        new(nameof(SubjectRelationship.ChildOfRequester), "Information about my child", "You need parental responsibility for the child"),
        new(nameof(SubjectRelationship.RepresentedPerson), "Information about someone I represent", "For example, as their solicitor, with their signed authority"),
    ];

    public void OnGet() => Form.SubmissionKey = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var dateOfBirth = ModelState.ReadDate(Form.SubjectDateOfBirth, "Form.SubjectDateOfBirth", "The date of birth");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            Form.SubmissionKey ??= Guid.NewGuid().ToString("N");
            var result = await intake.SubmitAsync(Form.ToSubmission(dateOfBirth), Channel.Web, Actor.Public, $"web:{Form.SubmissionKey}", cancellationToken: cancellationToken);
            TempData[ReferenceKey] = result.Reference;
            return RedirectToPage("Sent");
        }
        catch (ValidationFailedException invalid)
        {
            ModelState.AddErrors(invalid.Errors, nameof(Form));
            return Page();
        }
    }
}

public sealed class SarForm
{
    public string? SubmissionKey { get; set; }
    public string? RequesterName { get; set; }
    public string? RequesterEmail { get; set; }
    public string? RequesterPhone { get; set; }
    public string? RequesterAddress { get; set; }
    public SubjectRelationship? Relationship { get; set; }
    public string? SubjectName { get; set; }
    public DateParts SubjectDateOfBirth { get; set; } = new();
    public string? AuthorityEvidence { get; set; }
    public string? RequestDetails { get; set; }

    /// <summary>The optional equality questions; kept apart from the request.</summary>
    public Heard.Application.Equality.EqualityAnswers Equality { get; set; } = new();

    public SarSubmission ToSubmission(DateOnly? dateOfBirth) => new()
    {
        RequesterName = RequesterName,
        RequesterEmail = RequesterEmail,
        RequesterPhone = RequesterPhone,
        RequesterAddress = RequesterAddress,
        Relationship = Relationship,
        SubjectName = SubjectName,
        SubjectDateOfBirth = dateOfBirth,
        AuthorityEvidence = AuthorityEvidence,
        RequestDetails = RequestDetails,
        Equality = Equality,
    };
}
