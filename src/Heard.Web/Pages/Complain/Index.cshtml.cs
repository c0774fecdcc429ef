using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Web.Govuk;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Pages.Complain;

/// <summary>
/// Make a complaint: one clear form, then "check your answers", then send. Nothing is kept on the server until it
/// is sent; until then the answers travel with the page, so a mistake never loses what was typed.
/// </summary>
public sealed class IndexModel(HeardDbContext db, ComplaintIntake intake, Application.Tracking.Tracking tracking, TimeProvider clock) : PageModel, IComplaintQuestions
{
    public const string ReferenceKey = "ComplaintReference";
    public const string TrackingKey = "ComplaintTracking";
    public const string AcknowledgementDueKey = "ComplaintAcknowledgementDue";
    public const string ResponseDueKey = "ComplaintResponseDue";

    [BindProperty]
    public ComplaintForm Form { get; set; } = new();

    /// <summary>True when the page shows "check your answers" rather than the questions.</summary>
    public bool Checking { get; private set; }

    public IReadOnlyList<Choice> ServiceAreaChoices { get; private set; } = [];

    public Dictionary<Guid, string> ServiceAreaNames { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Form.SubmissionKey = Guid.NewGuid().ToString("N");
        await LoadChoicesAsync();
    }

    /// <summary>"Continue": validate everything and show the answers back.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        await LoadChoicesAsync();
        ModelState.Clear();
        var submission = Form.ToSubmission(ModelState, nameof(Form));
        ModelState.AddErrors(submission.Validate(UkTime.Today(clock)), nameof(Form));
        Checking = ModelState.IsValid;
        return Page();
    }

    /// <summary>"Change": back to the questions with everything as it was.</summary>
    public async Task<IActionResult> OnPostChangeAsync()
    {
        await LoadChoicesAsync();
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAddIssueAsync()
    {
        await LoadChoicesAsync();
        ModelState.Clear();
        if (Form.Issues.Count < Application.Data.Limits.MaxIssues)
        {
            Form.Issues.Add(null);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRemoveIssueAsync(int index)
    {
        await LoadChoicesAsync();
        ModelState.Clear();
        if (Form.Issues.Count > 1 && index >= 0 && index < Form.Issues.Count)
        {
            Form.Issues.RemoveAt(index);
        }

        return Page();
    }

    /// <summary>"Send": the case is saved before the confirmation is shown.</summary>
    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var submission = Form.ToSubmission(ModelState, nameof(Form));
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync();
            return Page();
        }

        Form.SubmissionKey ??= Guid.NewGuid().ToString("N");
        try
        {
            var result = await intake.SubmitAsync(submission, Channel.Web, Actor.Public, $"web:{Form.SubmissionKey}", cancellationToken: cancellationToken);
            TempData[ReferenceKey] = result.Reference;
            // The tracking link travels in TempData (an encrypted cookie), never in an address or a log.
            TempData[TrackingKey] = (await tracking.IssueAsync(result.CaseId, Actor.Public, cancellationToken)).Path;
            TempData[AcknowledgementDueKey] = result.DueOn(DeadlineKinds.Acknowledgement)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            TempData[ResponseDueKey] = result.DueOn(DeadlineKinds.Response)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return RedirectToPage("Confirmation");
        }
        catch (ValidationFailedException invalid)
        {
            ModelState.AddErrors(invalid.Errors, nameof(Form));
            await LoadChoicesAsync();
            return Page();
        }
    }

    private async Task LoadChoicesAsync()
    {
        var areas = await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync();
        ServiceAreaNames = areas.ToDictionary(a => a.Id, a => a.Name);
        ServiceAreaChoices = [new Choice("", "I do not know"), .. areas.Select(a => new Choice(a.Id.ToString(), a.Name))];
    }
}
