using Heard.Domain.Equality;

namespace Heard.Application.Equality;

/// <summary>
/// The answers to the optional equality questions as a form posts them: category codes, each null when not
/// answered. A code that is not one of the question's categories is treated as no answer (it cannot come from the
/// form; nothing is refused because of an optional question).
/// </summary>
public sealed class EqualityAnswers
{
    /// <summary>The longest category code stored.</summary>
    public const int CodeLength = 30;

    public string? Ethnicity { get; set; }
    public string? Disability { get; set; }
    public string? Sex { get; set; }
    public string? AgeBand { get; set; }

    /// <summary>True when at least one question was answered ("Prefer not to say" is an answer).</summary>
    public bool AnyAnswered => Clean().Values().Any(v => v is not null);

    /// <summary>These answers with unknown codes dropped.</summary>
    public EqualityAnswers Clean() => new()
    {
        Ethnicity = EqualityCategories.Ethnicity.Find(Ethnicity)?.Code,
        Disability = EqualityCategories.Disability.Find(Disability)?.Code,
        Sex = EqualityCategories.Sex.Find(Sex)?.Code,
        AgeBand = EqualityCategories.AgeBand.Find(AgeBand)?.Code,
    };

    /// <summary>The answer to <paramref name="question"/>.</summary>
    public string? For(EqualityQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Key switch
        {
            "ethnicity" => Ethnicity,
            "disability" => Disability,
            "sex" => Sex,
            "age" => AgeBand,
            _ => throw new ArgumentException($"Unknown question {question.Key}.", nameof(question)),
        };
    }

    private IEnumerable<string?> Values() => [Ethnicity, Disability, Sex, AgeBand];
}
