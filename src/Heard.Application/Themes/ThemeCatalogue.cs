namespace Heard.Application.Themes;

/// <summary>
/// The themes every new database starts with, from the board papers: what people complain about (not being
/// listened to, reports, delay, communication, bias, conduct) and what they praise.
/// </summary>
public static class ThemeCatalogue
{
    public static readonly IReadOnlyList<Theme> Initial =
    [
        new() { Code = "not-listened-to", Name = "Not listened to", Description = "Views, wishes and feelings not heard or not shared with the court", SortOrder = 10 },
        new() { Code = "report-accuracy", Name = "Report content and accuracy", Description = "Information in a report to court that is wrong, missing or unbalanced", SortOrder = 20 },
        new() { Code = "delay", Name = "Delay and timeliness", Description = "Reports or contact late, or too close to the hearing", SortOrder = 30 },
        new() { Code = "communication", Name = "Communication", Description = "Not kept informed, calls not returned, role not explained", SortOrder = 40 },
        new() { Code = "bias", Name = "Bias and fairness", Description = "Feeling the practitioner took sides", SortOrder = 50 },
        new() { Code = "conduct", Name = "Professional conduct", Description = "Manner, comments or behaviour of a member of staff", SortOrder = 60 },
        new() { Code = "child-not-seen", Name = "Child not seen or engaged", Description = "The child not seen, or not seen in person", SortOrder = 70 },
        new() { Code = "safeguarding", Name = "Safeguarding and domestic abuse", Description = "Risks or abuse not taken seriously", SortOrder = 80 },
        new() { Code = "confidentiality", Name = "Confidentiality and data", Description = "Information shared that should not have been", SortOrder = 90 },
        new() { Code = "case-closure", Name = "Case closure and signposting", Description = "Not told the work had ended, or where to get help", SortOrder = 100 },
        new() { Code = "professional-judgement", Name = "Professional judgement", Description = "Disagreement with a recommendation: a matter for the court", SortOrder = 110 },
        new() { Code = "listened-to", Name = "Listened to and understood", Description = "Praise: the person felt heard", SortOrder = 200 },
        new() { Code = "explained-clearly", Name = "Explained clearly", Description = "Praise: what was happening and what would happen next was explained", SortOrder = 210 },
        new() { Code = "child-focused", Name = "Child-focused practice", Description = "Praise: helped parents focus on their children; put the child at ease", SortOrder = 220 },
        new() { Code = "reliable", Name = "Said what they would do and did it", Description = "Praise: proactive and reliable", SortOrder = 230 },
    ];
}
