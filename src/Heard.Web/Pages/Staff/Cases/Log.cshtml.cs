using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Web.Govuk;
using Heard.Web.Pages.Complain;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Pages.Staff.Cases;

/// <summary>Log a complaint that arrived by phone, letter or email, on the complainant's behalf.</summary>
public sealed class LogModel(HeardDbContext db, ComplaintIntake intake, UserManager<HeardUser> users, TimeProvider clock, Heard.Web.Infrastructure.CurrentViewer current, Heard.Application.Access.CaseAccess access) : PageModel, IComplaintQuestions
{
    [BindProperty]
    public ComplaintForm Form { get; set; } = new();

    [BindProperty]
    public Channel? ReceivedBy { get; set; }

    [BindProperty]
    public DateParts ReceivedOn { get; set; } = new();

    [BindProperty]
    public Audience From { get; set; } = Audience.Adult;

    public IReadOnlyList<Choice> ServiceAreaChoices { get; private set; } = [];

    public static readonly IReadOnlyList<Choice> ChannelChoices =
    [
        new(nameof(Channel.Phone), "Phone"),
        new(nameof(Channel.Letter), "Letter"),
        new(nameof(Channel.Email), "Email"),
        new(nameof(Channel.InPerson), "In person"),
    ];

    public static readonly IReadOnlyList<Choice> AudienceChoices =
    [
        new(nameof(Audience.Adult), "An adult"),
        new(nameof(Audience.Child), "A child or young person"),
    ];

    public async Task OnGetAsync()
    {
        Form.SubmissionKey = Guid.NewGuid().ToString("N");
        ReceivedOn = DateParts.From(UkTime.Today(clock));
        await LoadChoicesAsync();
    }

    public async Task<IActionResult> OnPostAddIssueAsync()
    {
        ModelState.Clear();
        if (Form.Issues.Count < Limits.MaxIssues)
        {
            Form.Issues.Add(null);
        }

        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveIssueAsync(int index)
    {
        ModelState.Clear();
        if (Form.Issues.Count > 1 && index >= 0 && index < Form.Issues.Count)
        {
            Form.Issues.RemoveAt(index);
        }

        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var submission = Form.ToSubmission(ModelState, nameof(Form), From);
        if (ReceivedBy is null)
        {
            ModelState.AddModelError(nameof(ReceivedBy), "Select how the complaint was received");
        }

        var (receivedOn, dateError) = ReceivedOn.Read("The date it was received");
        if (dateError is not null || receivedOn is null)
        {
            ModelState.AddModelError(nameof(ReceivedOn), dateError ?? "Enter the date it was received");
        }

        ModelState.AddErrors(submission.Validate(UkTime.Today(clock)), nameof(Form));
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync();
            return Page();
        }

        var user = await users.GetUserAsync(User);
        var role = Roles.All.FirstOrDefault(User.IsInRole) ?? "staff";
        var actor = new Actor(user?.Id, user?.DisplayName ?? "Member of staff", role);
        try
        {
            var result = await intake.SubmitAsync(submission, ReceivedBy!.Value, actor, $"staff:{Form.SubmissionKey}", receivedOn, cancellationToken);
            if (await access.CanSeeAsync(await current.GetAsync(cancellationToken), result.CaseId, cancellationToken))
            {
                return Redirect($"/staff/cases/{result.CaseId}");
            }

            // Logged by someone whose role does not cover complaints: say it is done rather than show "not found".
            TempData[IndexModel.LoggedKey] = result.Reference;
            return Redirect("/staff");
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(error.Field == "receivedOn" ? nameof(ReceivedOn) : $"{nameof(Form)}.{error.Field}", error.Message);
            }

            await LoadChoicesAsync();
            return Page();
        }
    }

    private async Task LoadChoicesAsync()
    {
        var areas = await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync();
        ServiceAreaChoices = [new Choice("", "Not known"), .. areas.Select(a => new Choice(a.Id.ToString(), a.Name))];
    }
}
