using Heard.Domain.Calendar;
using Heard.Domain.Cases;

namespace Heard.Domain.Procedure;

/// <summary>What the guards need to know about a case at the moment a step is taken.</summary>
public sealed record CaseFacts
{
    public DateOnly ReceivedOn { get; init; }
    public DateOnly? InvolvementEndedOn { get; init; }
    public bool ResponsibleManagerAssigned { get; init; }
    public bool ConflictDeclared { get; init; }
    public bool ConversationOffered { get; init; }
    public bool FirstContactMade { get; init; }
    public IReadOnlyList<IssueFacts> Issues { get; init; } = [];
    public int RemediesAwaitingApproval { get; init; }
}

public sealed record IssueFacts(int Number, string? ThemeCode, Finding? Finding);

/// <summary>
/// Conditions on the case itself that a step can demand (<see cref="PolicyTransition.Guards"/>): the complaint is
/// in or out of time, a manager is assigned, every issue has its finding, and so on. Each check says, when it
/// fails, what is missing, in words a caseworker can act on.
/// </summary>
public static class ProcedureGuards
{
    public const string InTime = "in-time";
    public const string OutOfTime = "out-of-time";
    public const string ResponsibleManager = "responsible-manager";
    public const string ConflictDeclared = "conflict-declared";
    public const string ConversationOffered = "conversation-offered";
    public const string FirstContactMade = "first-contact-made";
    public const string ThemesRecorded = "themes-recorded";
    public const string FindingsComplete = "findings-complete";
    public const string RemediesApproved = "remedies-approved";

    public static readonly IReadOnlyList<string> All =
    [
        InTime, OutOfTime, ResponsibleManager, ConflictDeclared, ConversationOffered, FirstContactMade,
        ThemesRecorded, FindingsComplete, RemediesApproved,
    ];

    /// <summary>Every guard of <paramref name="step"/> that <paramref name="facts"/> do not meet, as sentences.</summary>
    public static IReadOnlyList<string> Unmet(ProcedurePolicy policy, PolicyTransition step, CaseFacts facts, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(facts);
        var problems = new List<string>();
        foreach (var guard in step.Guards)
        {
            if (Check(policy, guard, facts, calendar) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    public static string? Check(ProcedurePolicy policy, string guard, CaseFacts facts, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);
        switch (guard)
        {
            case InTime:
                {
                    var limit = policy.TimeLimit?.Check(calendar, facts.ReceivedOn, facts.InvolvementEndedOn);
                    return limit is null || limit.InTime ? null : $"The complaint is out of time. {limit.Explanation} Accept it by discretion against a criterion, or refuse it.";
                }

            case OutOfTime:
                {
                    if (policy.TimeLimit is null)
                    {
                        return $"The {policy.Name} has no time limit.";
                    }

                    var limit = policy.TimeLimit.Check(calendar, facts.ReceivedOn, facts.InvolvementEndedOn);
                    return limit.InTime ? $"The complaint is not out of time. {limit.Explanation}" : null;
                }

            case ResponsibleManager:
                return facts.ResponsibleManagerAssigned ? null : "No responsible manager is assigned.";
            case ConflictDeclared:
                return facts.ConflictDeclared ? null : "The responsible manager has not yet declared whether they have a conflict of interest.";
            case ConversationOffered:
                return facts.ConversationOffered ? null : "The person has not been offered a conversation.";
            case FirstContactMade:
                return facts.FirstContactMade ? null : "The in-depth conversation with the child has not been recorded.";
            case ThemesRecorded:
                {
                    var missing = facts.Issues.Where(i => string.IsNullOrEmpty(i.ThemeCode)).Select(i => i.Number).ToList();
                    return missing.Count == 0 ? null : $"{IssueList(missing)} {(missing.Count == 1 ? "has" : "have")} no theme.";
                }

            case FindingsComplete:
                {
                    var missing = facts.Issues.Where(i => string.IsNullOrEmpty(i.ThemeCode) || i.Finding is null).Select(i => i.Number).ToList();
                    return missing.Count == 0 ? null : $"{IssueList(missing)} {(missing.Count == 1 ? "needs a finding" : "need findings")} with a theme.";
                }

            case RemediesApproved:
                return facts.RemediesAwaitingApproval == 0
                    ? null
                    : $"{CalendarText.Plural(facts.RemediesAwaitingApproval, "payment", "payments")} above £{policy.Remedies.ApprovalAbove:N0} {(facts.RemediesAwaitingApproval == 1 ? "is" : "are")} waiting for approval.";
            default:
                return $"The policy names a condition Heard does not know: “{guard}”.";
        }
    }

    private static string IssueList(List<int> numbers) =>
        numbers.Count == 1 ? $"Issue {numbers[0]}" : "Issues " + CalendarText.List([.. numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
}
