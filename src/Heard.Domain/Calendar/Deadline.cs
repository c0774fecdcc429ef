namespace Heard.Domain.Calendar;

/// <summary>
/// A computed deadline and how it was reached. Comparing <see cref="DueOn"/> of two computations is how a
/// change to the calendar or a policy is found to move an open case's deadline.
/// </summary>
/// <param name="DueOn">The last day to respond: always a working day.</param>
/// <param name="Rule">The rule applied, before extensions.</param>
/// <param name="ReceivedOn">The day of receipt (day 0).</param>
/// <param name="CountedFrom">
/// Where counting started: the day of receipt, or for a working-day rule the next working day when it was received on a non-working day.
/// </param>
/// <param name="SkippedDays">
/// The named bank holidays and closures that did not count: for a working-day rule those from receipt to the due date;
/// for calendar rules those passed over when the last day was moved to the next working day.
/// </param>
/// <param name="Pauses">Each pause with the days it added, or why it added none.</param>
/// <param name="Extensions">The extensions applied, in the order agreed.</param>
/// <param name="Explanation">One sentence naming the rule, the start, the pauses, extensions and skipped days, and the due date.</param>
public sealed record Deadline(
    DateOnly DueOn,
    DeadlineRule Rule,
    DateOnly ReceivedOn,
    DateOnly CountedFrom,
    IReadOnlyList<NonWorkingDay> SkippedDays,
    IReadOnlyList<AppliedPause> Pauses,
    IReadOnlyList<DeadlineExtension> Extensions,
    string Explanation);
