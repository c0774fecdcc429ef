using System.Diagnostics.CodeAnalysis;

namespace Heard.Domain.Calendar;

/// <summary>
/// The working days of England and Wales from 1990 to 2100: Monday to Friday, less bank holidays (by rule,
/// substitute days, one-off and moved holidays) and any closures or proclamations an administrator has added.
/// <para>
/// Immutable: a change makes a new calendar, so a refused change or import leaves the one in use as it was,
/// and a deadline computed against a calendar can always be recomputed against its successor and compared.
/// </para>
/// <para>
/// Arithmetic is O(1): building the calendar precomputes, for every day in the supported range, how many working
/// days there are up to and including it, and for every working day its date. Adding N working days is then two
/// array reads rather than a walk through the days.
/// </para>
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly DateOnly FirstSupportedDay = new(1990, 1, 1);
    public static readonly DateOnly LastSupportedDay = new(2100, 12, 31);

    private static readonly int FirstDayNumber = FirstSupportedDay.DayNumber;
    private static readonly int DayCount = LastSupportedDay.DayNumber - FirstDayNumber + 1;

    private static readonly Lazy<WorkingCalendar> BuiltIn = new(() => FromHistory([]));

    // For day index i (days since FirstSupportedDay): the number of working days in [FirstSupportedDay, day i].
    // Working days are numbered 1, 2, 3 … from the start of the range; this is the ordinal of the last working
    // day on or before day i (0 when there is none).
    private readonly int[] workingDaysUpTo;

    // For day index i: the ordinal of the first working day on or after day i (one past the last working day
    // when there is none). Equal to workingDaysUpTo[i] exactly when day i is a working day.
    private readonly int[] firstWorkingDayFrom;

    // For ordinal k (1-based; slot 0 unused): the day index of the k-th working day.
    private readonly int[] dayOfWorkingDay;

    // Named weekday non-working days, sorted by date, for explanations and listings.
    private readonly NonWorkingDay[] namedDays;

    private WorkingCalendar(Dictionary<DateOnly, NonWorkingDay> nonWorkingWeekdays, IReadOnlyList<CalendarChange> changes)
    {
        Changes = changes;
        namedDays = [.. nonWorkingWeekdays.Values.OrderBy(d => d.Date)];

        workingDaysUpTo = new int[DayCount];
        firstWorkingDayFrom = new int[DayCount];
        var isWorking = new bool[DayCount];
        int ordinal = 0;
        for (int i = 0; i < DayCount; i++)
        {
            var date = DateOnly.FromDayNumber(FirstDayNumber + i);
            isWorking[i] = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && !nonWorkingWeekdays.ContainsKey(date);
            if (isWorking[i])
            {
                ordinal++;
            }

            workingDaysUpTo[i] = ordinal;
        }

        dayOfWorkingDay = new int[ordinal + 1];
        int next = ordinal + 1;
        for (int i = DayCount - 1; i >= 0; i--)
        {
            if (isWorking[i])
            {
                next = workingDaysUpTo[i];
                dayOfWorkingDay[next] = i;
            }

            firstWorkingDayFrom[i] = next;
        }
    }

    /// <summary>The England and Wales calendar as built in: rules and the one-off table, no administrator changes.</summary>
    public static WorkingCalendar EnglandAndWales => BuiltIn.Value;

    /// <summary>The administrator changes applied to the built-in calendar, oldest first: the calendar's version history.</summary>
    public IReadOnlyList<CalendarChange> Changes { get; }

    /// <summary>How many administrator changes this calendar has had; a new change makes the next version.</summary>
    public int Version => Changes.Count;

    /// <summary>
    /// Rebuilds the calendar from stored changes, oldest first. Only the checks that cannot depend on the
    /// rules are made (dates in range, no weekends, names and reasons present), so that a stored history stays
    /// loadable even if a correction to the rules later makes one of its changes redundant.
    /// </summary>
    public static WorkingCalendar FromHistory(IEnumerable<CalendarChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var history = changes.ToList();
        var days = BuiltInNonWorkingDays();
        foreach (var change in history)
        {
            var adjustment = change.Adjustment;
            var problem = adjustment.Problem() ?? WhoAndWhenProblem(change);
            if (problem is not null)
            {
                throw new CalendarException(problem);
            }

            Apply(days, adjustment);
        }

        return new WorkingCalendar(days, history);
    }

    /// <summary>
    /// This calendar with <paramref name="newChanges"/> applied in order, all or nothing: if any change is refused
    /// the exception says which and why, and no calendar is made. Besides the checks of <see cref="FromHistory"/>,
    /// a change must change something: a date already a working day cannot be made one, and the same holiday
    /// or closure cannot be added twice.
    /// </summary>
    public WorkingCalendar With(IEnumerable<CalendarChange> newChanges)
    {
        ArgumentNullException.ThrowIfNull(newChanges);
        var added = newChanges.ToList();
        if (added.Count == 0)
        {
            return this;
        }

        var days = namedDays.ToDictionary(d => d.Date);
        foreach (var change in added)
        {
            var adjustment = change.Adjustment;
            var problem = adjustment.Problem() ?? WhoAndWhenProblem(change) ?? NoEffectProblem(days, adjustment);
            if (problem is not null)
            {
                throw new CalendarException(problem);
            }

            Apply(days, adjustment);
        }

        return new WorkingCalendar(days, [.. Changes, .. added]);
    }

    /// <summary>This calendar with one more change; see <see cref="With(IEnumerable{CalendarChange})"/>.</summary>
    public WorkingCalendar With(CalendarChange change) => With([change]);

    public static bool Supports(DateOnly date) => date >= FirstSupportedDay && date <= LastSupportedDay;

    public bool IsWorkingDay(DateOnly date)
    {
        int i = IndexOf(date);
        return workingDaysUpTo[i] == firstWorkingDayFrom[i];
    }

    /// <summary>The named non-working day on <paramref name="date"/>, or null for a working day or a plain weekend.</summary>
    public NonWorkingDay? NonWorkingDayOn(DateOnly date)
    {
        _ = IndexOf(date);
        int at = Array.BinarySearch(namedDays, new NonWorkingDay(date, string.Empty, default), ByDate.Instance);
        return at >= 0 ? namedDays[at] : null;
    }

    /// <summary>Named non-working days (bank holidays and closures) from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public IReadOnlyList<NonWorkingDay> NonWorkingDaysBetween(DateOnly from, DateOnly to)
    {
        _ = IndexOf(from);
        _ = IndexOf(to);
        if (to < from)
        {
            throw new CalendarException($"The end date {CalendarText.Iso(to)} is before the start date {CalendarText.Iso(from)}.");
        }

        int first = LowerBound(from);
        int end = LowerBound(to.AddDays(1));
        return namedDays.AsSpan(first, end - first).ToArray();
    }

    /// <summary>
    /// The working day <paramref name="workingDays"/> working days after <paramref name="from"/>, counting
    /// <paramref name="from"/> as day 0, or the next working day after it when it is not a working day itself
    /// (a request received on a Saturday is counted from the Monday). Adding 0 gives that first working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        if (workingDays < 0)
        {
            ThrowNegative(workingDays);
        }

        int target = firstWorkingDayFrom[IndexOf(from)] + workingDays;
        if ((uint)target >= (uint)dayOfWorkingDay.Length)
        {
            ThrowPastEnd(from, workingDays);
        }

        return DateOnly.FromDayNumber(FirstDayNumber + dayOfWorkingDay[target]);
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>, with
    /// <paramref name="from"/> as day 0 as in <see cref="AddWorkingDays"/>; so
    /// <c>CountWorkingDays(d, AddWorkingDays(d, n)) == n</c>. A reply on the day of receipt took 0 working days.
    /// </summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        int start = firstWorkingDayFrom[IndexOf(from)];
        int end = workingDaysUpTo[IndexOf(to)];
        if (to < from)
        {
            throw new CalendarException($"Cannot count working days from {CalendarText.Iso(from)} back to {CalendarText.Iso(to)}: the end is before the start.");
        }

        return Math.Max(0, end - start);
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        int ordinal = workingDaysUpTo[IndexOf(date)] + 1;
        if (ordinal >= dayOfWorkingDay.Length)
        {
            ThrowPastEnd(date, 1);
        }

        return DateOnly.FromDayNumber(FirstDayNumber + dayOfWorkingDay[ordinal]);
    }

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the next working day.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date) => AddWorkingDays(date, 0);

    /// <summary>Working days from <paramref name="first"/> to <paramref name="last"/>, both inclusive; 0 when last is before first.</summary>
    internal int WorkingDaysWithin(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            return 0;
        }

        return workingDaysUpTo[IndexOf(last)] - workingDaysUpTo[IndexOf(first)] + (IsWorkingDay(first) ? 1 : 0);
    }

    private static int IndexOf(DateOnly date)
    {
        int i = date.DayNumber - FirstDayNumber;
        if ((uint)i >= (uint)DayCount)
        {
            ThrowOutOfRange(date);
        }

        return i;
    }

    private int LowerBound(DateOnly date)
    {
        int at = Array.BinarySearch(namedDays, new NonWorkingDay(date, string.Empty, default), ByDate.Instance);
        return at >= 0 ? at : ~at;
    }

    private static Dictionary<DateOnly, NonWorkingDay> BuiltInNonWorkingDays()
    {
        var days = new Dictionary<DateOnly, NonWorkingDay>();
        for (int year = FirstSupportedDay.Year; year <= LastSupportedDay.Year; year++)
        {
            foreach (var holiday in EnglandAndWalesBankHolidays.ByRule(year))
            {
                days[holiday.Date] = holiday;
            }
        }

        foreach (var oneOff in EnglandAndWalesBankHolidays.OneOffs)
        {
            Apply(days, oneOff);
        }

        return days;
    }

    private static void Apply(Dictionary<DateOnly, NonWorkingDay> days, CalendarAdjustment adjustment)
    {
        switch (adjustment.Kind)
        {
            case CalendarAdjustmentKind.WorkingDay:
                days.Remove(adjustment.Date);
                break;
            case CalendarAdjustmentKind.BankHoliday:
                days[adjustment.Date] = new NonWorkingDay(adjustment.Date, adjustment.Name.Trim(), NonWorkingDayKind.BankHoliday);
                break;
            case CalendarAdjustmentKind.Closure:
                days[adjustment.Date] = new NonWorkingDay(adjustment.Date, adjustment.Name.Trim(), NonWorkingDayKind.Closure);
                break;
            default:
                throw new CalendarException($"'{adjustment.Kind}' is not a kind of calendar change.");
        }
    }

    private static string? WhoAndWhenProblem(CalendarChange change) =>
        string.IsNullOrWhiteSpace(change.ChangedBy)
            ? $"The change to {CalendarText.Iso(change.Date)} must say who made it."
            : null;

    private static string? NoEffectProblem(Dictionary<DateOnly, NonWorkingDay> days, CalendarAdjustment adjustment)
    {
        days.TryGetValue(adjustment.Date, out var existing);
        string date = CalendarText.Iso(adjustment.Date);
        return adjustment.Kind switch
        {
            CalendarAdjustmentKind.WorkingDay when existing is null =>
                $"{date} is already a working day, so there is nothing to remove.",

            // A closure on a bank holiday would only hide the holiday's name; the day is not worked either way.
            CalendarAdjustmentKind.Closure when existing?.Kind == NonWorkingDayKind.BankHoliday =>
                $"{date} is already a bank holiday ({existing.Name}), so it needs no closure.",

            // Renaming or turning a closure into a bank holiday is a correction; repeating one changes nothing.
            CalendarAdjustmentKind.BankHoliday or CalendarAdjustmentKind.Closure
                when existing is not null
                    && existing.Kind == (adjustment.Kind == CalendarAdjustmentKind.Closure ? NonWorkingDayKind.Closure : NonWorkingDayKind.BankHoliday)
                    && string.Equals(existing.Name, adjustment.Name.Trim(), StringComparison.Ordinal) =>
                $"{date} is already {existing.Name}.",
            _ => null,
        };
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(DateOnly date) =>
        throw new CalendarException($"{CalendarText.Iso(date)} is outside the supported calendar ({CalendarText.SupportedRange}).");

    [DoesNotReturn]
    private static void ThrowNegative(int workingDays) =>
        throw new CalendarException($"Cannot add a negative number of working days ({workingDays}).");

    [DoesNotReturn]
    private static void ThrowPastEnd(DateOnly from, int workingDays) =>
        throw new CalendarException($"{workingDays} working days from {CalendarText.Iso(from)} is beyond the end of the supported calendar ({CalendarText.Iso(LastSupportedDay)}).");

    private sealed class ByDate : IComparer<NonWorkingDay>
    {
        public static readonly ByDate Instance = new();

        public int Compare(NonWorkingDay? x, NonWorkingDay? y) => x!.Date.CompareTo(y!.Date);
    }
}
