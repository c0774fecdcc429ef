using System.Globalization;
using Heard.Application.Cases;
using Heard.Application.Deadlines;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.TellUs;

/// <summary>
/// "Tell us what you think": the form for children and young people (8 and over), which they can fill in alone or
/// with a grown-up they trust. It makes a child's complaint, which goes to the children's complaints manager.
/// </summary>
public sealed class IndexModel(ComplaintIntake intake, TimeProvider clock) : PageModel
{
    public const string ReferenceKey = "ChildReference";
    public const string FirstContactDueKey = "ChildFirstContactDue";
    public const string ResponseDueKey = "ChildResponseDue";

    [BindProperty]
    public ChildForm Form { get; set; } = new();

    public void OnGet() => Form.SubmissionKey = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var submission = Form.ToSubmission();
        foreach (var error in submission.Validate(UkTime.Today(clock)))
        {
            ModelState.AddModelError($"{nameof(Form)}.{ChildForm.FieldOf(error.Field)}", error.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Form.SubmissionKey ??= Guid.NewGuid().ToString("N");
        try
        {
            var result = await intake.SubmitAsync(submission, Channel.Web, Actor.Public, $"child:{Form.SubmissionKey}", cancellationToken: cancellationToken);
            TempData[ReferenceKey] = result.Reference;
            TempData[FirstContactDueKey] = result.DueOn(DeadlineKinds.FirstContact)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            TempData[ResponseDueKey] = result.DueOn(DeadlineKinds.Response)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return RedirectToPage("Confirmation");
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError($"{nameof(Form)}.{ChildForm.FieldOf(error.Field)}", error.Message);
            }

            return Page();
        }
    }
}
