using Heard.Domain.Cases;
using Heard.Domain.Records;

namespace Heard.Application.Feedback;

public enum QuestionKind
{
    /// <summary>A score from 1 to 5 (shown as faces on a children's survey).</summary>
    Score = 1,

    /// <summary>Free text, themed later by staff.</summary>
    Text = 2,
}

/// <summary>A survey as data: who it is for, its wording and its questions. Retired questions stay, so old answers keep their meaning.</summary>
public class Survey
{
    /// <summary>For example <c>adult</c> or <c>child</c>.</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string Introduction { get; set; }
    public Audience Audience { get; set; }

    /// <summary>Show the score questions as faces (for children).</summary>
    public bool Faces { get; set; }

    /// <summary>Ask for optional contact details (adults only: children are not asked who they are).</summary>
    public bool AsksForContact { get; set; }
    public bool Active { get; set; } = true;
    public List<SurveyQuestion> Questions { get; } = [];
}

public class SurveyQuestion
{
    public required string SurveyCode { get; set; }

    /// <summary>A stable key within the survey, for example <c>overall</c>; answers refer to it.</summary>
    public required string Key { get; set; }
    public int Number { get; set; }
    public QuestionKind Kind { get; set; }
    public required string Text { get; set; }
    public string? Hint { get; set; }
    public bool Required { get; set; }

    /// <summary>The score reported as the survey's average (one per survey).</summary>
    public bool Headline { get; set; }

    /// <summary>The words for 1 to 5, separated by <c>|</c>, lowest first.</summary>
    public string? ScaleLabels { get; set; }
    public bool Retired { get; set; }

    public IReadOnlyList<string> Labels => (ScaleLabels ?? "1|2|3|4|5").Split('|');
}

/// <summary>
/// One person's answers to a survey. Anonymous unless an adult chose to leave contact details. The area, team and
/// stage come from the link's tag (or the member of staff entering an audit), never from the person.
/// </summary>
public class FeedbackResponse
{
    public Guid Id { get; set; }
    public required string SurveyCode { get; set; }
    public Audience Audience { get; set; }
    public FeedbackSource Source { get; set; }
    public DateTime SubmittedAt { get; set; }

    /// <summary>The day the feedback was given (for an audit, the day of the audit).</summary>
    public DateOnly GivenOn { get; set; }

    /// <summary>The link's tag, when it came through a known one.</summary>
    public string? LinkCode { get; set; }
    public Guid? ServiceAreaId { get; set; }
    public Guid? TeamId { get; set; }
    public FeedbackStage? Stage { get; set; }

    /// <summary>The answer to the survey's headline score question, for averages.</summary>
    public int? Score { get; set; }

    /// <summary>True when there is free text for staff to theme.</summary>
    public bool HasText { get; set; }
    public DateTime? ThemedAt { get; set; }
    public string? ThemedBy { get; set; }

    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>The member of staff who entered it (audits), else null.</summary>
    public string? EnteredBy { get; set; }
    public string? IdempotencyKey { get; set; }

    /// <summary>SHA-256 of the API request body (lower-case hex), so a reused key with another body is refused; null from the web pages.</summary>
    public string? RequestHash { get; set; }

    public List<FeedbackAnswer> Answers { get; } = [];
    public List<FeedbackTheme> Themes { get; } = [];
}

public class FeedbackAnswer
{
    public Guid ResponseId { get; set; }
    public required string QuestionKey { get; set; }
    public int? Score { get; set; }
    public string? Text { get; set; }
}

public class FeedbackTheme
{
    public Guid ResponseId { get; set; }
    public required string ThemeCode { get; set; }
}

/// <summary>
/// What a feedback link's tag stands for: a service area, a team, a stage of the work and the survey to show. The
/// tag itself is a short random code with no meaning of its own (see <see cref="FeedbackLinks"/>).
/// </summary>
public class FeedbackLink
{
    public required string Code { get; set; }
    public Guid? ServiceAreaId { get; set; }
    public Guid? TeamId { get; set; }
    public FeedbackStage Stage { get; set; }
    public required string SurveyCode { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
