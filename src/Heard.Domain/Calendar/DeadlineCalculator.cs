using System.Text;

namespace Heard.Domain.Calendar;

/// <summary>
/// Computes a deadline: a pure function of the calendar, the rule, the day of receipt, the clock pauses and the
/// extensions. Recomputing an open case after a calendar or policy change is calling it again with the new
/// calendar or rule and comparing <see cref="Deadline.DueOn"/>.
/// </summary>
/// <remarks>
/// The semantics, in full in <c>Calendar/README.md</c>:
/// <list type="bullet">
/// <item>Working days: the day of receipt is day 0; received on a non-working day, counting starts from the next
/// working day. The due date is the Nth working day after that.</item>
/// <item>Calendar days: day 0 is the day of receipt whatever day it is; the due date is N days later, moved to the
/// next working day if it is not one.</item>
/// <item>Calendar months (ICO): from the day of receipt to the same date N months later, or that month's last day
/// when it has no such date, moved to the next working day if it is not one.</item>
/// <item>Extensions add to the rule's own amount, in the rule's kind (months to months, so an extended one-month
/// limit is three months from receipt, as the ICO counts it).</item>
/// <item>Pauses (see <see cref="ClockPause"/>) add the days the clock was stopped, in the rule's unit: working
/// days for working-day rules, calendar days for the others (added before the move to a working day). A pause
/// counts only if it began before the time ran out, that is on or before the due date as extended so far.</item>
/// </list>
/// </remarks>
public static class DeadlineCalculator
{
    public static Deadline Compute(
        WorkingCalendar calendar,
        DeadlineRule rule,
        DateOnly receivedOn,
        IReadOnlyCollection<ClockPause>? pauses = null,
        IReadOnlyCollection<DeadlineExtension>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        if (!WorkingCalendar.Supports(receivedOn))
        {
            throw new CalendarException($"The date of receipt {CalendarText.Iso(receivedOn)} is outside the supported calendar ({CalendarText.SupportedRange}).");
        }

        var orderedPauses = CheckedPauses(pauses ?? [], receivedOn);
        var orderedExtensions = CheckedExtensions(extensions ?? [], rule, receivedOn);
        long total = rule.Amount + orderedExtensions.Sum(e => (long)e.By.Amount);
        if (total > DeadlineRule.MaximumAmount)
        {
            throw new CalendarException($"The rule and its extensions together come to {total} {DeadlineRule.Unit(rule.Kind, 2)}, more than the {DeadlineRule.MaximumAmount} a deadline may count.");
        }

        return rule.Kind == DeadlineRuleKind.WorkingDays
            ? InWorkingDays(calendar, rule, receivedOn, (int)total, orderedPauses, orderedExtensions)
            : InCalendarTime(calendar, rule, receivedOn, (int)total, orderedPauses, orderedExtensions);
    }

    private static Deadline InWorkingDays(
        WorkingCalendar calendar,
        DeadlineRule rule,
        DateOnly receivedOn,
        int workingDays,
        List<ClockPause> pauses,
        List<DeadlineExtension> extensions)
    {
        var countedFrom = calendar.WorkingDayOnOrAfter(receivedOn);
        var due = calendar.AddWorkingDays(countedFrom, workingDays);
        var applied = new List<AppliedPause>(pauses.Count);
        foreach (var pause in pauses)
        {
            if (pause.StoppedOn > due)
            {
                applied.Add(new AppliedPause(pause, 0, Counted: false));
                continue;
            }

            // Day 0 is never a counted day, so a pause that starts on it loses only the days after it.
            var firstLost = Later(pause.StoppedOn, countedFrom.AddDays(1));
            int lost = calendar.WorkingDaysWithin(firstLost, pause.RestartedOn.AddDays(-1));
            workingDays += lost;
            due = calendar.AddWorkingDays(countedFrom, workingDays);
            applied.Add(new AppliedPause(pause, lost, Counted: true));
        }

        var skipped = calendar.NonWorkingDaysBetween(receivedOn, due);

        var sentence = new StringBuilder();
        sentence.Append(Period(rule, extensions)).Append(" from ").Append(CalendarText.FullDate(countedFrom));
        if (countedFrom != receivedOn)
        {
            sentence.Append(", the first working day after receipt on ").Append(CalendarText.FullDate(receivedOn));
        }

        AppendPauses(sentence, applied, rule.Kind);
        AppendSkipped(sentence, skipped, countedFrom.Year);
        sentence.Append("; due ").Append(CalendarText.FullDate(due)).Append('.');

        return new Deadline(due, rule, receivedOn, countedFrom, skipped, applied, extensions, sentence.ToString());
    }

    private static Deadline InCalendarTime(
        WorkingCalendar calendar,
        DeadlineRule rule,
        DateOnly receivedOn,
        int amount,
        List<ClockPause> pauses,
        List<DeadlineExtension> extensions)
    {
        var end = rule.Kind == DeadlineRuleKind.CalendarMonths
            ? MonthsAfter(receivedOn, amount)
            : DaysAfter(receivedOn, amount);
        bool monthHadNoSuchDay = rule.Kind == DeadlineRuleKind.CalendarMonths && end.Day != receivedOn.Day;
        var monthEnd = end;

        var applied = new List<AppliedPause>(pauses.Count);
        foreach (var pause in pauses)
        {
            if (pause.StoppedOn > end)
            {
                applied.Add(new AppliedPause(pause, 0, Counted: false));
                continue;
            }

            var firstLost = Later(pause.StoppedOn, receivedOn.AddDays(1));
            int lost = Math.Max(0, pause.RestartedOn.DayNumber - firstLost.DayNumber);
            end = DaysAfter(end, lost);
            applied.Add(new AppliedPause(pause, lost, Counted: true));
        }

        var due = calendar.WorkingDayOnOrAfter(end);
        IReadOnlyList<NonWorkingDay> skipped = due > end ? calendar.NonWorkingDaysBetween(end, due) : [];

        var sentence = new StringBuilder();
        sentence.Append(Period(rule, extensions)).Append(" from ").Append(CalendarText.FullDate(receivedOn));
        if (monthHadNoSuchDay)
        {
            sentence.Append(" runs to the last day of ").Append(CalendarText.MonthName(monthEnd))
                .Append(", as it has no ").Append(CalendarText.Ordinal(receivedOn.Day));
        }

        AppendPauses(sentence, applied, rule.Kind);
        if (due != end)
        {
            sentence.Append("; the time ran out on ").Append(CalendarText.FullDate(end))
                .Append(", not a working day, so the deadline moves to the next working day");
        }

        AppendSkipped(sentence, skipped, end.Year);
        sentence.Append("; due ").Append(CalendarText.FullDate(due)).Append('.');

        return new Deadline(due, rule, receivedOn, receivedOn, skipped, applied, extensions, sentence.ToString());
    }

    private static List<ClockPause> CheckedPauses(IReadOnlyCollection<ClockPause> pauses, DateOnly receivedOn)
    {
        var ordered = pauses.OrderBy(p => p?.StoppedOn ?? DateOnly.MinValue).ToList();
        ClockPause? previous = null;
        foreach (var pause in ordered)
        {
            if (pause is null)
            {
                throw new CalendarException("A clock pause is missing.");
            }

            string span = $"The pause from {CalendarText.Iso(pause.StoppedOn)} until {CalendarText.Iso(pause.RestartedOn)}";
            if (!WorkingCalendar.Supports(pause.StoppedOn) || !WorkingCalendar.Supports(pause.RestartedOn))
            {
                throw new CalendarException($"{span} is outside the supported calendar ({CalendarText.SupportedRange}).");
            }

            if (pause.RestartedOn < pause.StoppedOn)
            {
                throw new CalendarException($"{span} ends before it starts.");
            }

            if (pause.StoppedOn < receivedOn)
            {
                throw new CalendarException($"{span} starts before the request was received on {CalendarText.Iso(receivedOn)}.");
            }

            if (string.IsNullOrWhiteSpace(pause.Reason))
            {
                throw new CalendarException($"{span} needs a reason.");
            }

            if (previous is not null && pause.StoppedOn < previous.RestartedOn)
            {
                throw new CalendarException(
                    $"The pauses from {CalendarText.Iso(previous.StoppedOn)} until {CalendarText.Iso(previous.RestartedOn)} "
                    + $"and from {CalendarText.Iso(pause.StoppedOn)} until {CalendarText.Iso(pause.RestartedOn)} overlap; the clock can only be stopped once at a time.");
            }

            previous = pause;
        }

        return ordered;
    }

    private static List<DeadlineExtension> CheckedExtensions(IReadOnlyCollection<DeadlineExtension> extensions, DeadlineRule rule, DateOnly receivedOn)
    {
        var ordered = extensions.OrderBy(e => e?.AgreedOn ?? DateOnly.MinValue).ToList();
        foreach (var extension in ordered)
        {
            if (extension?.By is null)
            {
                throw new CalendarException("An extension must say how much longer it gives.");
            }

            string what = $"The extension by {extension.By.DisplayName}";
            if (extension.By.Kind != rule.Kind)
            {
                throw new CalendarException($"{what} cannot extend a limit of {rule.DisplayName}: give the extension in {DeadlineRule.Unit(rule.Kind, 2)}.");
            }

            if (extension.By.Amount == 0)
            {
                throw new CalendarException($"{what} adds nothing: an extension must add at least one {DeadlineRule.Unit(rule.Kind, 1)}.");
            }

            if (string.IsNullOrWhiteSpace(extension.Reason))
            {
                throw new CalendarException($"{what} needs a reason.");
            }

            if (string.IsNullOrWhiteSpace(extension.AgreedBy))
            {
                throw new CalendarException($"{what} must say who agreed it.");
            }

            if (!WorkingCalendar.Supports(extension.AgreedOn))
            {
                throw new CalendarException($"{what} was agreed on {CalendarText.Iso(extension.AgreedOn)}, outside the supported calendar ({CalendarText.SupportedRange}).");
            }

            if (extension.AgreedOn < receivedOn)
            {
                throw new CalendarException($"{what} was agreed on {CalendarText.Iso(extension.AgreedOn)}, before the request was received on {CalendarText.Iso(receivedOn)}.");
            }
        }

        return ordered;
    }

    private static string Period(DeadlineRule rule, List<DeadlineExtension> extensions)
    {
        if (extensions.Count == 0)
        {
            return rule.DisplayName;
        }

        var each = extensions.Select(e =>
            $"by {e.By.DisplayName} (agreed by {e.AgreedBy.Trim()} on {CalendarText.FullDate(e.AgreedOn)}: {e.Reason.Trim()})").ToList();
        return $"{rule.DisplayName} extended {CalendarText.List(each)}";
    }

    private static void AppendPauses(StringBuilder sentence, List<AppliedPause> pauses, DeadlineRuleKind kind)
    {
        var unit = kind == DeadlineRuleKind.WorkingDays ? ("working day", "working days") : ("calendar day", "calendar days");
        foreach (var applied in pauses)
        {
            var pause = applied.Pause;
            string span = $"from {CalendarText.FullDate(pause.StoppedOn)} until {CalendarText.FullDate(pause.RestartedOn)} ({pause.Reason.Trim()})";
            sentence.Append(applied.Counted
                ? $", paused {span}, adding {CalendarText.Plural(applied.DaysAdded, unit.Item1, unit.Item2)}"
                : $", not counting a pause {span} that began after the time had run out");
        }
    }

    private static void AppendSkipped(StringBuilder sentence, IReadOnlyList<NonWorkingDay> skipped, int contextYear)
    {
        if (skipped.Count > 0)
        {
            sentence.Append("; skipped ")
                .Append(CalendarText.List([.. skipped.Select(d => $"{d.Name} {CalendarText.DayAndMonth(d.Date, contextYear)}")]));
        }
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly DaysAfter(DateOnly date, int days)
    {
        long dayNumber = (long)date.DayNumber + days;
        if (dayNumber > WorkingCalendar.LastSupportedDay.DayNumber)
        {
            throw BeyondEnd();
        }

        return DateOnly.FromDayNumber((int)dayNumber);
    }

    private static DateOnly MonthsAfter(DateOnly date, int months)
    {
        var last = WorkingCalendar.LastSupportedDay;
        if (((last.Year - date.Year) * 12) + (last.Month - date.Month) < months)
        {
            throw BeyondEnd();
        }

        // DateOnly.AddMonths gives the month's last day when it has no such date: 31 March + 1 month is 30 April.
        return date.AddMonths(months);
    }

    private static CalendarException BeyondEnd() =>
        new($"The deadline would fall after the end of the supported calendar ({CalendarText.Iso(WorkingCalendar.LastSupportedDay)}).");
}
