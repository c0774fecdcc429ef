using Heard.Application.Cases;
using Heard.Application.Compliments;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Web.Govuk;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Pages.SayThanks;

/// <summary>Say thank you: one short form, saved before the confirmation is shown.</summary>
public sealed class IndexModel(HeardDbContext db, ComplimentIntake intake) : PageModel
{
    public const string ReferenceKey = "ComplimentReference";

    [BindProperty]
    public ComplimentForm Form { get; set; } = new();

    public IReadOnlyList<Choice> ServiceAreaChoices { get; private set; } = [];

    public static readonly IReadOnlyList<Choice> WhoChoices =
    [
        new(nameof(ComplainantRole.Parent), "A parent"),
        new(nameof(ComplainantRole.Carer), "A carer or guardian"),
        new(nameof(ComplainantRole.FamilyMember), "Another family member"),
        new(nameof(ComplainantRole.Child), "A child or young person"),
        new(nameof(ComplainantRole.Representative), "A professional", "For example, a solicitor, social worker or teacher"),
        new(nameof(ComplainantRole.Other), "Someone else"),
    ];

    public async Task OnGetAsync()
    {
        Form.SubmissionKey = Guid.NewGuid().ToString("N");
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var submission = new ComplimentSubmission
        {
            Audience = Form.Role == ComplainantRole.Child ? Audience.Child : Audience.Adult,
            Role = Form.Role,
            FullName = Form.FullName,
            Email = Form.Email,
            StaffName = Form.StaffName,
            ServiceAreaId = Form.ServiceAreaId,
            Text = Form.Text,
            Equality = Form.Equality,
        };
        try
        {
            Form.SubmissionKey ??= Guid.NewGuid().ToString("N");
            var result = await intake.SubmitAsync(submission, Channel.Web, Actor.Public, $"web:{Form.SubmissionKey}", cancellationToken: cancellationToken);
            TempData[ReferenceKey] = result.Reference;
            return RedirectToPage("Sent");
        }
        catch (ValidationFailedException invalid)
        {
            ModelState.AddErrors(invalid.Errors, nameof(Form));
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var areas = await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync();
        ServiceAreaChoices = [new Choice("", "I do not know"), .. areas.Select(a => new Choice(a.Id.ToString(), a.Name))];
    }
}

public sealed class ComplimentForm
{
    public string? SubmissionKey { get; set; }
    public string? Text { get; set; }
    public string? StaffName { get; set; }
    public Guid? ServiceAreaId { get; set; }
    public ComplainantRole? Role { get; set; }
    public string? FullName { get; set; }
    public string? Email { get; set; }

    /// <summary>The optional equality questions; kept apart from the compliment.</summary>
    public Heard.Application.Equality.EqualityAnswers Equality { get; set; } = new();
}
