using BenchmarkDotNet.Attributes;
using Heard.Domain.Calendar;

namespace Heard.Benchmarks;

/// <summary>
/// Adding 15 working days (the complaint response time) to a million random dates: the precomputed index
/// against the day-by-day walk it replaces. Each reported time is per call (OperationsPerInvoke).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class WorkingDayBenchmarks
{
    private const int Calls = 1_000_000;
    private const int WorkingDays = 15;

    private readonly WorkingCalendar calendar = WorkingCalendar.EnglandAndWales;
    private DateOnly[] dates = [];
    private HashSet<DateOnly> holidays = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20130319);
        int first = new DateOnly(1990, 1, 1).DayNumber;
        int last = new DateOnly(2099, 12, 31).DayNumber;
        dates = [.. Enumerable.Range(0, Calls).Select(_ => DateOnly.FromDayNumber(random.Next(first, last + 1)))];
        holidays = [.. calendar.NonWorkingDaysBetween(WorkingCalendar.FirstSupportedDay, WorkingCalendar.LastSupportedDay).Select(d => d.Date)];

        // The comparison is only fair if all three agree.
        for (int i = 0; i < 10_000; i++)
        {
            var indexed = calendar.AddWorkingDays(dates[i], WorkingDays);
            if (indexed != WalkWithHolidaySet(dates[i]) || indexed != WalkWithCalendar(dates[i]))
            {
                throw new InvalidOperationException($"The implementations disagree for {dates[i]}.");
            }
        }
    }

    /// <summary>The usual implementation: step a day at a time, checking the weekend and a set of holidays.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public int DayByDayWithHolidaySet()
    {
        int sum = 0;
        foreach (var date in dates)
        {
            sum += WalkWithHolidaySet(date).DayNumber;
        }

        return sum;
    }

    /// <summary>Still a walk, but asking the calendar's O(1) IsWorkingDay at each step: isolates the cost of walking.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int DayByDayWithCalendarLookup()
    {
        int sum = 0;
        foreach (var date in dates)
        {
            sum += WalkWithCalendar(date).DayNumber;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public int IndexedAddWorkingDays()
    {
        int sum = 0;
        foreach (var date in dates)
        {
            sum += calendar.AddWorkingDays(date, WorkingDays).DayNumber;
        }

        return sum;
    }

    private DateOnly WalkWithHolidaySet(DateOnly from)
    {
        var day = from;
        while (!IsWorking(day))
        {
            day = day.AddDays(1);
        }

        for (int counted = 0; counted < WorkingDays;)
        {
            day = day.AddDays(1);
            if (IsWorking(day))
            {
                counted++;
            }
        }

        return day;
    }

    private bool IsWorking(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    private DateOnly WalkWithCalendar(DateOnly from)
    {
        var day = from;
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        for (int counted = 0; counted < WorkingDays;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
