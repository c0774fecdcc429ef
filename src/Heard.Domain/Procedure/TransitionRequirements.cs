using Heard.Domain.Calendar;

namespace Heard.Domain.Procedure;

/// <summary>
/// What someone gives when they take a step. Which of these a step needs is data (<see cref="PolicyTransition.Requires"/>);
/// the rest are ignored.
/// </summary>
public sealed record TransitionInput
{
    public string? Reason { get; init; }

    /// <summary>The discretion criterion (code) an out-of-time complaint is accepted against.</summary>
    public string? Criterion { get; init; }

    /// <summary>The member of staff assigned: the responsible manager or the local service manager.</summary>
    public Guid? ManagerId { get; init; }

    /// <summary>The day something happened: consent given, contact made, a conversation held.</summary>
    public DateOnly? On { get; init; }

    /// <summary>Whether the investigating manager has a conflict of interest (null: not answered).</summary>
    public bool? ConflictDeclared { get; init; }
    public string? ConflictDetails { get; init; }

    /// <summary>Where something that is not a complaint was passed to (a route code).</summary>
    public string? Route { get; init; }

    /// <summary>A holding letter's new response date.</summary>
    public DateOnly? NewDueOn { get; init; }

    /// <summary>Who agreed a later response date.</summary>
    public string? AgreedBy { get; init; }

    /// <summary>Whether a copy of a "matter for the court" letter goes to the court.</summary>
    public bool? CopyToCourt { get; init; }

    public static readonly TransitionInput None = new();
}

/// <summary>A problem with one field of the input, named as <see cref="TransitionInput"/> names it.</summary>
public sealed record InputProblem(string Field, string Message);

/// <summary>The vocabulary of what a step can require, and the checks on each.</summary>
public static class TransitionRequirements
{
    public const string Reason = "reason";
    public const string Criterion = "criterion";
    public const string Manager = "manager";
    public const string Date = "date";
    public const string Conflict = "conflict";
    public const string Route = "route";
    public const string NewDate = "new-date";
    public const string AgreedBy = "agreed-by";
    public const string CourtCopy = "court-copy";

    public static readonly IReadOnlyList<string> All = [Reason, Criterion, Manager, Date, Conflict, Route, NewDate, AgreedBy, CourtCopy];

    /// <summary>The longest reason or note a step takes (the history's reason column).</summary>
    public const int MaxText = 10_000;

    public const int MaxName = 200;

    public static string DefaultLabel(string requirement) => requirement switch
    {
        Reason => "Reason",
        Criterion => "Which criterion is the decision made against?",
        Manager => "Who is the manager?",
        Date => "On what date?",
        Conflict => "Does the manager have a conflict of interest?",
        Route => "Where has it been passed to?",
        NewDate => "New date for the response",
        AgreedBy => "Who agreed the new date?",
        CourtCopy => "Send a copy to the court?",
        _ => requirement,
    };

    /// <summary>The field of <see cref="TransitionInput"/> a requirement fills (the first, for those with two).</summary>
    public static string FieldOf(string requirement) => requirement switch
    {
        Reason => nameof(TransitionInput.Reason),
        Criterion => nameof(TransitionInput.Criterion),
        Manager => nameof(TransitionInput.ManagerId),
        Date => nameof(TransitionInput.On),
        Conflict => nameof(TransitionInput.ConflictDeclared),
        Route => nameof(TransitionInput.Route),
        NewDate => nameof(TransitionInput.NewDueOn),
        AgreedBy => nameof(TransitionInput.AgreedBy),
        CourtCopy => nameof(TransitionInput.CopyToCourt),
        _ => requirement,
    };

    /// <summary>
    /// Every problem with <paramref name="input"/> for <paramref name="step"/>, each naming its field. Who the
    /// manager is (a real member of staff in a suitable role) is for the caller to check.
    /// </summary>
    public static IReadOnlyList<InputProblem> Validate(
        ProcedurePolicy policy,
        PolicyTransition step,
        TransitionInput input,
        TransitionContext context)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<InputProblem>();
        string Message(string requirement, string fallback) =>
            step.Labels.TryGetValue(requirement + "-error", out var custom) ? custom : fallback;

        if (step.Needs(Reason))
        {
            if (string.IsNullOrWhiteSpace(input.Reason))
            {
                problems.Add(new(nameof(TransitionInput.Reason), Message(Reason, "Enter a reason")));
            }
            else if (input.Reason.Length > MaxText)
            {
                problems.Add(new(nameof(TransitionInput.Reason), $"The reason must be {MaxText:N0} characters or fewer"));
            }
        }

        if (step.Needs(Criterion))
        {
            if (string.IsNullOrWhiteSpace(input.Criterion))
            {
                problems.Add(new(nameof(TransitionInput.Criterion), Message(Criterion, "Select the criterion the discretion decision is made against")));
            }
            else if (policy.TimeLimit?.Criterion(input.Criterion) is null)
            {
                problems.Add(new(nameof(TransitionInput.Criterion), $"“{input.Criterion}” is not one of the {policy.Name}'s discretion criteria"));
            }
        }

        if (step.Needs(Manager) && input.ManagerId is null)
        {
            problems.Add(new(nameof(TransitionInput.ManagerId), Message(Manager, "Select the manager")));
        }

        if (step.Needs(Date))
        {
            if (input.On is not { } on)
            {
                problems.Add(new(nameof(TransitionInput.On), Message(Date, "Enter the date")));
            }
            else if (on > context.Today)
            {
                problems.Add(new(nameof(TransitionInput.On), "The date must be today or in the past"));
            }
            else if (on < context.ReceivedOn)
            {
                problems.Add(new(nameof(TransitionInput.On), $"The date must be on or after the day the complaint was received ({CalendarText.FullDate(context.ReceivedOn)})"));
            }
        }

        if (step.Needs(Conflict))
        {
            if (input.ConflictDeclared is null)
            {
                problems.Add(new(nameof(TransitionInput.ConflictDeclared), Message(Conflict, "Select whether the manager has a conflict of interest")));
            }
            else if (input.ConflictDeclared == true && string.IsNullOrWhiteSpace(input.ConflictDetails))
            {
                problems.Add(new(nameof(TransitionInput.ConflictDetails), "Describe the conflict of interest and how it is managed"));
            }
            else if (input.ConflictDetails is { Length: > MaxText })
            {
                problems.Add(new(nameof(TransitionInput.ConflictDetails), $"The description must be {MaxText:N0} characters or fewer"));
            }
        }

        if (step.Needs(Route))
        {
            if (string.IsNullOrWhiteSpace(input.Route))
            {
                problems.Add(new(nameof(TransitionInput.Route), Message(Route, "Select where it has been passed to")));
            }
            else if (policy.Routes.All(r => r.Code != input.Route))
            {
                problems.Add(new(nameof(TransitionInput.Route), $"“{input.Route}” is not one of the routes the {policy.Name} lists"));
            }
        }

        if (step.Needs(NewDate))
        {
            ValidateNewDate(input, context, problems, Message(NewDate, "Enter the new date for the response"));
        }

        if (step.Needs(AgreedBy))
        {
            if (string.IsNullOrWhiteSpace(input.AgreedBy))
            {
                problems.Add(new(nameof(TransitionInput.AgreedBy), Message(AgreedBy, "Enter who agreed the new date")));
            }
            else if (input.AgreedBy.Length > MaxName)
            {
                problems.Add(new(nameof(TransitionInput.AgreedBy), $"The name must be {MaxName} characters or fewer"));
            }
        }

        if (step.Needs(CourtCopy) && input.CopyToCourt is null)
        {
            problems.Add(new(nameof(TransitionInput.CopyToCourt), Message(CourtCopy, "Select whether a copy goes to the court")));
        }

        return problems;
    }

    private static void ValidateNewDate(TransitionInput input, TransitionContext context, List<InputProblem> problems, string missing)
    {
        if (input.NewDueOn is not { } newDate)
        {
            problems.Add(new(nameof(TransitionInput.NewDueOn), missing));
            return;
        }

        if (context.ResponseDueOn is not { } due)
        {
            problems.Add(new(nameof(TransitionInput.NewDueOn), "There is no open response date to move"));
        }
        else if (newDate <= due)
        {
            problems.Add(new(nameof(TransitionInput.NewDueOn), $"The new date must be after the current response date, {CalendarText.FullDate(due)}"));
        }
        else if (!WorkingCalendar.Supports(newDate))
        {
            problems.Add(new(nameof(TransitionInput.NewDueOn), "The new date must be a real date within the calendar Heard supports"));
        }
        else if (!context.Calendar.IsWorkingDay(newDate))
        {
            var next = context.Calendar.NextWorkingDay(newDate);
            problems.Add(new(nameof(TransitionInput.NewDueOn), $"The new date must be a working day: {CalendarText.FullDate(newDate)} is not (the next is {CalendarText.FullDate(next)})"));
        }
    }
}

/// <summary>What the checks on a step's input need to know about the case and the day.</summary>
public sealed record TransitionContext(DateOnly Today, DateOnly ReceivedOn, DateOnly? ResponseDueOn, WorkingCalendar Calendar);
