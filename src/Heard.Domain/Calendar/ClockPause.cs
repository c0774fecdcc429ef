namespace Heard.Domain.Calendar;

/// <summary>
/// A time the clock was stopped, for example while waiting for the person to clarify a subject access request.
/// The clock stops at the start of <paramref name="StoppedOn"/> and runs again from the start of
/// <paramref name="RestartedOn"/>: the day it stopped is lost, the day it restarted counts (as the day the
/// clarification arrived is a day the organisation can work on it). So a pause adds the days from
/// <paramref name="StoppedOn"/> up to but not including <paramref name="RestartedOn"/>, counted in the rule's
/// unit: working days for a working-day rule, calendar days for calendar-day and calendar-month rules.
/// A pause that stops and restarts on the same day adds nothing.
/// </summary>
public sealed record ClockPause(DateOnly StoppedOn, DateOnly RestartedOn, string Reason);

/// <summary>A pause as the calculation used it.</summary>
/// <param name="DaysAdded">The days added to the deadline, in the rule's unit (working or calendar days).</param>
/// <param name="Counted">False when the pause began after the time limit had already run out, so it could not extend it.</param>
public sealed record AppliedPause(ClockPause Pause, int DaysAdded, bool Counted);
