using Heard.Application.Equality;
using Heard.Domain.Equality;
using Heard.Web.Govuk;

namespace Heard.Web.Pages.Shared;

/// <summary>The equality questions as radios, in adults' or children's words.</summary>
public static class EqualityChoices
{
    public static string Question(EqualityQuestion question, bool child)
    {
        ArgumentNullException.ThrowIfNull(question);
        return child ? question.ChildQuestion : question.Question;
    }

    public static IReadOnlyList<Choice> For(EqualityQuestion question, bool child)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Categories.Select(c => new Choice(c.Code, child ? c.ChildLabel : c.Label)).ToList();
    }

    /// <summary>The answer's words for "check your answers", or "Not answered".</summary>
    public static string Describe(EqualityQuestion question, EqualityAnswers? answers)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Find(answers?.For(question))?.Label ?? "Not answered";
    }
}
