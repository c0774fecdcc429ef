using Heard.Application.Feedback;
using Heard.Application.Intake;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.GiveFeedback;

/// <summary>
/// The public survey: <c>/feedback</c> (the person chooses the adults' or the children's survey) and
/// <c>/feedback/{tag}</c> from a letter's QR code or short link. A tag that is unknown or altered is ignored, never
/// an error: the survey still shows and the feedback is kept untagged.
/// </summary>
public sealed class IndexModel(FeedbackIntake intake, FeedbackLinks links) : PageModel
{
    public const string ChildThanksKey = "FeedbackFromChild";

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    /// <summary>"adults" or "children", when the person chose on the start page.</summary>
    [BindProperty(SupportsGet = true, Name = "for")]
    public string? For { get; set; }

    [BindProperty]
    public FeedbackForm Form { get; set; } = new();

    public Survey? Survey { get; private set; }

    /// <summary>The tag as it will be posted back: only a known one.</summary>
    public string? KnownTag { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form.SubmissionKey = Guid.NewGuid().ToString("N");
        await ChooseSurveyAsync(null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var submission = new FeedbackSubmission
        {
            SurveyCode = Form.SurveyCode,
            Tag = Form.Tag,
            ContactName = Form.ContactName,
            ContactEmail = Form.ContactEmail,
            Equality = Form.Equality,
        };
        foreach (var key in Form.Scores.Keys.Union(Form.Texts.Keys))
        {
            Form.Scores.TryGetValue(key, out var score);
            Form.Texts.TryGetValue(key, out var text);
            submission.Answers[key] = new AnswerGiven(score, text);
        }

        try
        {
            Form.SubmissionKey ??= Guid.NewGuid().ToString("N");
            await intake.SubmitAsync(submission, $"web:{Form.SubmissionKey}", cancellationToken);
            var survey = await intake.SurveyAsync(Form.SurveyCode, cancellationToken);
            TempData[ChildThanksKey] = survey.Faces;
            return RedirectToPage("Sent");
        }
        catch (ValidationFailedException invalid)
        {
            Tag = Form.Tag;
            await ChooseSurveyAsync(Form.SurveyCode, cancellationToken);
            foreach (var error in invalid.Errors)
            {
                var field = error.Field;
                if (field.StartsWith("Answers[", StringComparison.Ordinal))
                {
                    var key = field[8..^1];
                    var kind = Survey!.Questions.FirstOrDefault(q => q.Key == key)?.Kind;
                    field = kind == QuestionKind.Text ? $"Texts[{key}]" : $"Scores[{key}]";
                }

                ModelState.AddModelError($"{nameof(Form)}.{field}", error.Message);
            }

            return Page();
        }
    }

    private async Task ChooseSurveyAsync(string? posted, CancellationToken cancellationToken)
    {
        var tag = await links.ResolveAsync(Tag, cancellationToken);
        KnownTag = tag?.Code;
        var code = posted
            ?? (For?.ToLowerInvariant() switch { "children" => SurveyCatalogue.Child, "adults" => SurveyCatalogue.Adult, _ => null })
            ?? tag?.SurveyCode;
        Survey = code is null ? null : await intake.SurveyAsync(code, cancellationToken);
        Form.SurveyCode = Survey?.Code;
        Form.Tag = KnownTag;
    }
}

public sealed class FeedbackForm
{
    public string? SubmissionKey { get; set; }
    public string? SurveyCode { get; set; }
    public string? Tag { get; set; }
    public Dictionary<string, int?> Scores { get; set; } = [];
    public Dictionary<string, string?> Texts { get; set; } = [];
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>The optional equality questions; kept apart from the response.</summary>
    public Heard.Application.Equality.EqualityAnswers Equality { get; set; } = new();
}
