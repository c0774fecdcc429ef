namespace Heard.Domain.Equality;

/// <summary>One answer a person can give to an equality question: a stable code (stored) and its words (shown).</summary>
public sealed record EqualityCategory(string Code, string Label, string ChildLabel);

/// <summary>One equality question, its categories in the order they are asked, and its words for adults and children.</summary>
public sealed record EqualityQuestion(
    string Key,
    string Name,
    string Question,
    string ChildQuestion,
    IReadOnlyList<EqualityCategory> Categories)
{
    /// <summary>The category with this code, or null when the code is not one of this question's.</summary>
    public EqualityCategory? Find(string? code) => Categories.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
}

/// <summary>
/// The equality questions Heard asks (all optional) and the categories the people served are counted in, so the two
/// can be compared. Ethnicity uses the five high-level groups of the 2021 Census for England and Wales (the groups
/// the service reports on); disability follows the Equality Act's "long-term condition" wording; sex is female or
/// male; age bands split children where the family court work does (under 10, 10 to 15, 16 to 17). Every question
/// has "Prefer not to say"; not answering at all is recorded as no answer. Codes are stored, so they never change;
/// words may.
/// </summary>
public static class EqualityCategories
{
    public const string PreferNotToSay = "prefer-not-to-say";

    /// <summary>The column shown for people who gave no answer to a question (not a category anyone chooses).</summary>
    public const string NotAnsweredLabel = "Not answered or not known";

    private static EqualityCategory Declined() => new(PreferNotToSay, "Prefer not to say", "I do not want to say");

    public static readonly EqualityQuestion Ethnicity = new(
        "ethnicity",
        "Ethnic group",
        "What is your ethnic group?",
        "Which of these best describes your family background?",
        [
            new("asian", "Asian or Asian British", "Asian or Asian British"),
            new("black", "Black, Black British, Caribbean or African", "Black, Black British, Caribbean or African"),
            new("mixed", "Mixed or multiple ethnic groups", "Mixed or more than one background"),
            new("white", "White", "White"),
            new("other", "Other ethnic group", "Another background"),
            Declined(),
        ]);

    public static readonly EqualityQuestion Disability = new(
        "disability",
        "Disability",
        "Do you have a physical or mental health condition or illness that has lasted or is expected to last 12 months or more?",
        "Do you have a disability, or an illness that lasts a long time?",
        [
            new("yes", "Yes", "Yes"),
            new("no", "No", "No"),
            Declined(),
        ]);

    public static readonly EqualityQuestion Sex = new(
        "sex",
        "Sex",
        "What is your sex?",
        "Are you a girl or a boy?",
        [
            new("female", "Female", "Girl"),
            new("male", "Male", "Boy"),
            Declined(),
        ]);

    public static readonly EqualityQuestion AgeBand = new(
        "age",
        "Age band",
        "What is your age?",
        "How old are you?",
        [
            new("under-10", "Under 10", "Under 10"),
            new("10-15", "10 to 15", "10 to 15"),
            new("16-17", "16 or 17", "16 or 17"),
            new("18-24", "18 to 24", "18 to 24"),
            new("25-34", "25 to 34", "25 to 34"),
            new("35-44", "35 to 44", "35 to 44"),
            new("45-54", "45 to 54", "45 to 54"),
            new("55-64", "55 to 64", "55 to 64"),
            new("65-plus", "65 or over", "65 or over"),
            Declined(),
        ]);

    /// <summary>The four questions in the order the forms ask them and the report shows them.</summary>
    public static readonly IReadOnlyList<EqualityQuestion> Questions = [Ethnicity, Disability, Sex, AgeBand];

    /// <summary>The age band of someone of <paramref name="years"/> years (for imports that give an age, not a band).</summary>
    public static string AgeBandOf(int years) => years switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(years), years, "An age cannot be negative."),
        < 10 => "under-10",
        < 16 => "10-15",
        < 18 => "16-17",
        < 25 => "18-24",
        < 35 => "25-34",
        < 45 => "35-44",
        < 55 => "45-54",
        < 65 => "55-64",
        _ => "65-plus",
    };
}
