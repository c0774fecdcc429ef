using Heard.Domain.Calendar;
using Heard.Domain.Cases;

namespace Heard.Domain.Procedure;

/// <summary>
/// One version of a complaints procedure, as data: when it took effect and for whom, its states (with the names
/// the procedure gives them), the steps between them and who may take each, the promised dates, the time limit
/// and the letters. A case follows the version in force on the day it was received, for life; a change to the
/// procedure is a new version, never an edit of one a case already follows. Read one with <see cref="PolicyReader"/>.
/// </summary>
public sealed class ProcedurePolicy
{
    internal ProcedurePolicy(
        string code,
        int version,
        string name,
        Audience? audience,
        DateOnly effectiveFrom,
        string summary,
        string? basis,
        IReadOnlyList<PolicyDeadline> deadlines,
        TimeLimit? timeLimit,
        RemedyRules remedies,
        IReadOnlyList<PolicyState> states,
        IReadOnlyList<PolicyTransition> transitions,
        IReadOnlyList<PolicyAllowance> permissions,
        IReadOnlyList<PolicyChoice> routes,
        IReadOnlyList<string> letters)
    {
        Code = code;
        Version = version;
        Name = name;
        Audience = audience;
        EffectiveFrom = effectiveFrom;
        Summary = summary;
        Basis = basis;
        Deadlines = deadlines;
        TimeLimit = timeLimit;
        Remedies = remedies;
        States = states;
        Transitions = transitions;
        Permissions = permissions;
        Routes = routes;
        Letters = letters;
    }

    /// <summary>The procedure's code, the same for all its versions, for example <c>adult-2023</c>.</summary>
    public string Code { get; }

    public int Version { get; }

    /// <summary>What a case records: <c>adult-2023@1</c>.</summary>
    public string Key => KeyOf(Code, Version);

    public string Name { get; }

    /// <summary>Who it is for: adults, children, or everyone (null), as before the 2023 policies.</summary>
    public Audience? Audience { get; }

    public DateOnly EffectiveFrom { get; }

    public string Summary { get; }

    /// <summary>Where the rules come from, for example the board paper that agreed them.</summary>
    public string? Basis { get; }

    public IReadOnlyList<PolicyDeadline> Deadlines { get; }

    /// <summary>The time limit for complaining, or null when the procedure has none.</summary>
    public TimeLimit? TimeLimit { get; }

    public RemedyRules Remedies { get; }

    public IReadOnlyList<PolicyState> States { get; }

    public IReadOnlyList<PolicyTransition> Transitions { get; }

    /// <summary>Who may do the things that are not steps between states: record a finding, add a remedy, write a letter.</summary>
    public IReadOnlyList<PolicyAllowance> Permissions { get; }

    /// <summary>Where something that is not a complaint can be passed on to.</summary>
    public IReadOnlyList<PolicyChoice> Routes { get; }

    /// <summary>The letter templates the procedure uses.</summary>
    public IReadOnlyList<string> Letters { get; }

    public static string KeyOf(string code, int version) => $"{code}@{version}";

    public bool AppliesTo(Audience audience) => Audience is null || Audience == audience;

    public string DescribeAudience() => Audience switch
    {
        Cases.Audience.Adult => "Adults",
        Cases.Audience.Child => "Children and young people",
        _ => "Everyone",
    };

    public PolicyDeadline? Deadline(string kind) => Deadlines.FirstOrDefault(d => d.Kind == kind);

    public PolicyTransition? Transition(string code) => Transitions.FirstOrDefault(t => t.Code == code);

    public bool HasState(string state) => States.Any(s => s.Code == state);

    /// <summary>The name this procedure gives a state (the 2010 procedure calls the investigation "Step 1").</summary>
    public string StateName(string state) => States.FirstOrDefault(s => s.Code == state)?.Name ?? ComplaintStates.Describe(state);

    /// <summary>The steps that start from <paramref name="state"/>, whoever may take them.</summary>
    public IEnumerable<PolicyTransition> From(string state) => Transitions.Where(t => t.From.Contains(state));

    /// <summary>
    /// Whether someone with <paramref name="roles"/> may take the step <paramref name="transition"/> from
    /// <paramref name="state"/>, and in which of their roles; or why not. Guards (conditions on the case itself,
    /// such as every issue having a finding) are checked separately with <see cref="ProcedureGuards"/>.
    /// </summary>
    public TransitionCheck Check(string transition, string state, IEnumerable<string> roles, Func<string, string>? describeRole = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        describeRole ??= r => r;
        var step = Transition(transition);
        if (step is null)
        {
            return TransitionCheck.Refused($"There is no step “{transition}” in the {Name}.");
        }

        if (!step.From.Contains(state))
        {
            var from = EitherOf([.. step.From.Select(s => StateName(s).ToLowerInvariant())]);
            return TransitionCheck.Refused(
                $"“{step.Name}” is not possible while the complaint is {StateName(state).ToLowerInvariant()}. Under the {Name} it is possible only when the complaint is {from}.");
        }

        var role = step.Roles.FirstOrDefault(r => roles.Contains(r, StringComparer.Ordinal));
        if (role is null)
        {
            var who = EitherOf([.. step.Roles.Select(r => describeRole(r).ToLowerInvariant())]);
            return TransitionCheck.Refused($"Under the {Name} only the {who} can do “{step.Name}”.");
        }

        return TransitionCheck.Allowed(step, role);
    }

    /// <summary>The role in which someone may do <paramref name="action"/> (see <see cref="PolicyActions"/>) in <paramref name="state"/>, or null.</summary>
    public string? RoleFor(string action, string state, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var roleList = roles.ToList();
        if (action == PolicyActions.ApproveRemedy)
        {
            var approving = Permissions.FirstOrDefault(p => p.Action == PolicyActions.AddRemedy);
            return approving is not null && approving.States.Contains(state) && roleList.Contains(Remedies.ApproverRole, StringComparer.Ordinal)
                ? Remedies.ApproverRole
                : null;
        }

        var permission = Permissions.FirstOrDefault(p => p.Action == action);
        if (permission is null || !permission.States.Contains(state))
        {
            return null;
        }

        return permission.Roles.FirstOrDefault(r => roleList.Contains(r, StringComparer.Ordinal));
    }

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string EitherOf(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1],
    };

    /// <summary>Whether a financial remedy of <paramref name="amount"/> pounds needs approval before the response goes.</summary>
    public bool NeedsApproval(decimal amount) => amount > Remedies.ApprovalAbove;
}

/// <summary>A state as a procedure names it.</summary>
public sealed record PolicyState(string Code, string Name, string? Description);

/// <summary>
/// A date the procedure promises: of <see cref="Kind"/> (acknowledgement, response, first-contact), by
/// <see cref="Rule"/>, counted from receipt or from the day of a step that starts it (for example the day written
/// consent was given; see <see cref="PolicyTransition.Starts"/>).
/// </summary>
public sealed record PolicyDeadline(string Kind, DeadlineRule Rule, string From, string? Why)
{
    public const string FromReceipt = "receipt";
    public const string FromStep = "step";

    public bool StartsAtReceipt => From == FromReceipt;
}

/// <summary>One choice in a policy's list: a discretion criterion or a route for what is not a complaint.</summary>
public sealed record PolicyChoice(string Code, string Text);

/// <summary>
/// The time limit for complaining, counted from the end of the service's involvement, with the criteria against
/// which a complaint out of time may still be accepted by a recorded discretion decision.
/// </summary>
public sealed record TimeLimit(DeadlineRule Rule, string From, IReadOnlyList<PolicyChoice> DiscretionCriteria)
{
    public const string FromInvolvementEnded = "involvement-ended";

    public PolicyChoice? Criterion(string? code) => DiscretionCriteria.FirstOrDefault(c => c.Code == code);

    /// <summary>
    /// Whether a complaint received on <paramref name="receivedOn"/> is within the limit. While the service is still
    /// involved (no end date) it always is: the clock has not started.
    /// </summary>
    public TimeLimitResult Check(WorkingCalendar calendar, DateOnly receivedOn, DateOnly? involvementEndedOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (involvementEndedOn is not { } ended)
        {
            return new TimeLimitResult(true, null, $"In time: the service's involvement has not ended (or its end is not known), so the {Rule.DisplayName} limit has not started.");
        }

        if (ended > receivedOn)
        {
            return new TimeLimitResult(true, null, "In time: received before the service's involvement ended.");
        }

        var last = DeadlineCalculator.Compute(calendar, Rule, ended);
        var inTime = receivedOn <= last.DueOn;
        return new TimeLimitResult(
            inTime,
            last.DueOn,
            (inTime ? "In time" : "Out of time")
            + $": received {CalendarText.FullDate(receivedOn)}; the limit is {Rule.DisplayName} from the end of the service's involvement on {CalendarText.FullDate(ended)}, so the last day was {CalendarText.FullDate(last.DueOn)}.");
    }
}

public sealed record TimeLimitResult(bool InTime, DateOnly? LastDay, string Explanation);

/// <summary>Remedies: a financial one above <see cref="ApprovalAbove"/> pounds needs approval by <see cref="ApproverRole"/>.</summary>
public sealed record RemedyRules(decimal ApprovalAbove, string ApproverRole, string? Why);

/// <summary>
/// A step between states (or, with no <see cref="To"/>, an action that leaves the state as it is, such as a
/// holding letter). Says who may take it, what they must give (<see cref="Requires"/>), what must already be true
/// of the case (<see cref="Guards"/>) and what follows: deadlines met (<see cref="Completes"/>), started afresh from
/// the day of the step (<see cref="Starts"/>) or extended, someone assigned, a letter.
/// </summary>
public sealed record PolicyTransition(
    string Code,
    string Name,
    string? Hint,
    IReadOnlyList<string> From,
    string? To,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> Guards,
    IReadOnlyList<string> Completes,
    IReadOnlyList<string> Starts,
    string? Extends,
    string? Assigns,
    string? Letter,
    bool SentWithLetter,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>True when the step changes the state; false for an action within a state.</summary>
    public bool ChangesState => To is not null;

    public bool Needs(string requirement) => Requires.Contains(requirement);

    /// <summary>The question for a field, from the policy, else a plain default.</summary>
    public string Label(string requirement) => Labels.TryGetValue(requirement, out var label) ? label : TransitionRequirements.DefaultLabel(requirement);
}

/// <summary>Who may do something that is not a step between states, and in which states.</summary>
public sealed record PolicyAllowance(string Action, IReadOnlyList<string> States, IReadOnlyList<string> Roles);

/// <summary>The outcome of <see cref="ProcedurePolicy.Check"/>: allowed (with the step and the role used) or refused with the reason.</summary>
public sealed record TransitionCheck(bool IsAllowed, PolicyTransition? Transition, string? Role, string? Reason)
{
    public static TransitionCheck Allowed(PolicyTransition transition, string role) => new(true, transition, role, null);

    public static TransitionCheck Refused(string reason) => new(false, null, null, reason);
}

/// <summary>The things that are not steps between states, each with its own page or form.</summary>
public static class PolicyActions
{
    public const string RecordFinding = "record-finding";
    public const string AddRemedy = "add-remedy";

    /// <summary>Not listed in a policy's permissions: the remedy rules name the approving role.</summary>
    public const string ApproveRemedy = "approve-remedy";
    public const string AddLearningPoint = "add-learning-point";
    public const string WriteLetter = "write-letter";

    public static readonly IReadOnlyList<string> Listed = [RecordFinding, AddRemedy, AddLearningPoint, WriteLetter];
}
