using Heard.Application.Data;
using Heard.Application.Feedback;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Domain.Records;
using Heard.Web.Govuk;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Pages.Staff.Feedback;

/// <summary>Enter feedback a child or adult gave in a collaborative audit, one response at a time.</summary>
public sealed class AuditModel(HeardDbContext db, FeedbackIntake intake, UserManager<HeardUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "survey")]
    public string? SurveyCode { get; set; }

    [BindProperty] public string? SubmissionKey { get; set; }
    [BindProperty] public Guid? ServiceAreaId { get; set; }
    [BindProperty] public Guid? TeamId { get; set; }
    [BindProperty] public FeedbackStage? Stage { get; set; }
    [BindProperty] public DateParts GivenOn { get; set; } = new();
    [BindProperty] public Dictionary<string, int?> Scores { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Texts { get; set; } = [];

    public Survey Survey { get; private set; } = default!;

    public bool Saved { get; private set; }

    public IReadOnlyList<Choice> AreaChoices { get; private set; } = [];

    public IReadOnlyList<Choice> TeamChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SubmissionKey = Guid.NewGuid().ToString("N");
        GivenOn = DateParts.From(UkTime.Today(clock));
        Saved = TempData.Peek(RecordManageModel.DoneKey) is not null;
        TempData.Remove(RecordManageModel.DoneKey);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var given = ModelState.ReadDate(GivenOn, nameof(GivenOn), "The date of the audit");
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var submission = new FeedbackSubmission { SurveyCode = Survey.Code, ServiceAreaId = ServiceAreaId, TeamId = TeamId, Stage = Stage, GivenOn = given };
        foreach (var question in Survey.Questions)
        {
            submission.Answers[question.Key] = new AnswerGiven(Scores.GetValueOrDefault(question.Key), Texts.GetValueOrDefault(question.Key));
        }

        try
        {
            SubmissionKey ??= Guid.NewGuid().ToString("N");
            await intake.SubmitFromAuditAsync(submission, await StaffActor.OfAsync(User, users), $"audit:{SubmissionKey}", cancellationToken);
            TempData[RecordManageModel.DoneKey] = "saved";
            return Redirect($"/staff/feedback/audit?survey={Survey.Code}");
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                var field = error.Field.StartsWith("Answers[", StringComparison.Ordinal)
                    ? (Survey.Questions.First(q => $"Answers[{q.Key}]" == error.Field).Kind == QuestionKind.Score ? "Scores" : "Texts") + error.Field[7..]
                    : error.Field;
                ModelState.AddModelError(field, error.Message);
            }

            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Survey = await intake.SurveyAsync(SurveyCode, cancellationToken);
        AreaChoices = [new Choice("", "Select an area"), .. await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new Choice(a.Id.ToString(), a.Name, null)).ToListAsync(cancellationToken)];
        TeamChoices = [new Choice("", "Not recorded"), .. await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Id.ToString(), t.Name, null)).ToListAsync(cancellationToken)];
    }
}
