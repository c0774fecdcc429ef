using CsCheck;
using Heard.Domain.Calendar;

namespace Heard.Domain.Tests.Calendar;

public class WorkingDayArithmeticTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.EnglandAndWales;

    // Dates leave room at the end of the range for the days added.
    private static readonly Gen<DateOnly> AnyDate =
        Gen.Int[new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2098, 12, 31).DayNumber].Select(DateOnly.FromDayNumber);

    [Fact]
    public void Adding_working_days_skips_weekends()
    {
        // Friday 8 March 2013 + 1 working day is Monday 11 March.
        Assert.Equal(new DateOnly(2013, 3, 11), Calendar.AddWorkingDays(new DateOnly(2013, 3, 8), 1));
    }

    [Fact]
    public void Adding_fifteen_working_days_skips_easter_2013()
    {
        Assert.Equal(new DateOnly(2013, 4, 11), Calendar.AddWorkingDays(new DateOnly(2013, 3, 19), 15));
    }

    [Fact]
    public void Adding_zero_working_days_to_a_working_day_is_the_same_day()
    {
        Assert.Equal(new DateOnly(2013, 3, 19), Calendar.AddWorkingDays(new DateOnly(2013, 3, 19), 0));
    }

    [Fact]
    public void A_saturday_receipt_counts_from_the_monday()
    {
        var saturday = new DateOnly(2013, 3, 9);

        Assert.Equal(new DateOnly(2013, 3, 11), Calendar.AddWorkingDays(saturday, 0));
        Assert.Equal(new DateOnly(2013, 3, 12), Calendar.AddWorkingDays(saturday, 1));
    }

    [Fact]
    public void A_receipt_on_good_friday_counts_from_the_tuesday_after_easter()
    {
        var goodFriday = new DateOnly(2013, 3, 29);

        Assert.Equal(new DateOnly(2013, 4, 2), Calendar.WorkingDayOnOrAfter(goodFriday));
        Assert.Equal(new DateOnly(2013, 4, 3), Calendar.AddWorkingDays(goodFriday, 1));
    }

    [Fact]
    public void Next_working_day_is_strictly_after_and_skips_christmas()
    {
        Assert.Equal(new DateOnly(2013, 12, 27), Calendar.NextWorkingDay(new DateOnly(2013, 12, 24)));
        Assert.Equal(new DateOnly(2013, 3, 20), Calendar.NextWorkingDay(new DateOnly(2013, 3, 19)));
    }

    [Fact]
    public void Counting_working_days_across_easter_2013_leaves_out_the_holidays()
    {
        Assert.Equal(15, Calendar.CountWorkingDays(new DateOnly(2013, 3, 19), new DateOnly(2013, 4, 11)));
    }

    [Fact]
    public void Counting_from_a_weekend_to_the_same_weekend_is_zero()
    {
        Assert.Equal(0, Calendar.CountWorkingDays(new DateOnly(2013, 3, 9), new DateOnly(2013, 3, 10)));
        Assert.Equal(0, Calendar.CountWorkingDays(new DateOnly(2013, 3, 9), new DateOnly(2013, 3, 11)));
    }

    [Fact]
    public void Adding_working_days_from_the_last_supported_days_is_refused_with_a_message()
    {
        var error = Assert.Throws<CalendarException>(() => Calendar.AddWorkingDays(new DateOnly(2100, 12, 20), 15));

        Assert.Contains("beyond the end of the supported calendar", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1989, 12, 31)]
    [InlineData(2101, 1, 1)]
    public void Dates_outside_the_supported_range_are_refused_with_a_message(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        var error = Assert.Throws<CalendarException>(() => Calendar.AddWorkingDays(date, 1));
        Assert.Throws<CalendarException>(() => Calendar.IsWorkingDay(date));
        Assert.Throws<CalendarException>(() => Calendar.NextWorkingDay(date));
        Assert.Throws<CalendarException>(() => Calendar.CountWorkingDays(new DateOnly(2000, 1, 1), date));

        Assert.Contains("outside the supported calendar (1990 to 2100)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_number_of_working_days_is_refused()
    {
        var error = Assert.Throws<CalendarException>(() => Calendar.AddWorkingDays(new DateOnly(2013, 3, 19), -1));

        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counting_backwards_is_refused()
    {
        Assert.Throws<CalendarException>(() => Calendar.CountWorkingDays(new DateOnly(2013, 3, 19), new DateOnly(2013, 3, 18)));
    }

    [Fact]
    public void Adding_then_counting_working_days_round_trips()
    {
        Gen.Select(AnyDate, Gen.Int[0, 400]).Sample((from, n) =>
            Calendar.CountWorkingDays(from, Calendar.AddWorkingDays(from, n)) == n);
    }

    [Fact]
    public void Adding_working_days_always_lands_on_a_working_day()
    {
        Gen.Select(AnyDate, Gen.Int[0, 400]).Sample((from, n) => Calendar.IsWorkingDay(Calendar.AddWorkingDays(from, n)));
    }

    [Fact]
    public void Indexed_addition_agrees_with_walking_day_by_day()
    {
        Gen.Select(AnyDate, Gen.Int[0, 60]).Sample((from, n) => Calendar.AddWorkingDays(from, n) == WalkDayByDay(from, n));
    }

    [Fact]
    public void Next_working_day_agrees_with_walking_day_by_day()
    {
        AnyDate.Sample(date =>
        {
            var next = date.AddDays(1);
            while (!Calendar.IsWorkingDay(next))
            {
                next = next.AddDays(1);
            }

            return Calendar.NextWorkingDay(date) == next;
        });
    }

    /// <summary>The obvious implementation the index replaces: day 0 is the first working day on or after the start.</summary>
    private static DateOnly WalkDayByDay(DateOnly from, int workingDays)
    {
        var day = from;
        while (!IsWorkingByDefinition(day))
        {
            day = day.AddDays(1);
        }

        for (int counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingByDefinition(day))
            {
                counted++;
            }
        }

        return day;
    }

    private static bool IsWorkingByDefinition(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && Calendar.NonWorkingDayOn(day) is null;
}
