using CsCheck;
using Heard.Domain.Calendar;

namespace Heard.Domain.Tests.Calendar;

public class DeadlineCalculatorTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.EnglandAndWales;
    private static readonly DeadlineRule FifteenWorkingDays = DeadlineRule.WorkingDays(15);
    private static readonly DeadlineRule OneMonth = DeadlineRule.CalendarMonths(1);
    private static readonly DeadlineRule FortyDays = DeadlineRule.CalendarDays(40);

    private static Deadline Compute(
        DeadlineRule rule,
        DateOnly received,
        IReadOnlyCollection<ClockPause>? pauses = null,
        IReadOnlyCollection<DeadlineExtension>? extensions = null) =>
        DeadlineCalculator.Compute(Calendar, rule, received, pauses, extensions);

    // Complaints: working days

    [Fact]
    public void Response_due_date_skips_easter_2013()
    {
        var deadline = Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19));

        Assert.Equal(new DateOnly(2013, 4, 11), deadline.DueOn);
        Assert.Equal(["Good Friday", "Easter Monday"], deadline.SkippedDays.Select(d => d.Name));
        Assert.Equal(
            "15 working days from Tuesday 19 March 2013; skipped Good Friday 29 March and Easter Monday 1 April; due Thursday 11 April 2013.",
            deadline.Explanation);
    }

    [Fact]
    public void Response_due_date_skips_christmas_and_new_year_naming_the_new_year()
    {
        var deadline = Compute(FifteenWorkingDays, new DateOnly(2013, 12, 23));

        Assert.Equal(new DateOnly(2014, 1, 16), deadline.DueOn);
        Assert.Equal(
            "15 working days from Monday 23 December 2013; skipped Christmas Day 25 December, Boxing Day 26 December and New Year's Day 1 January 2014; due Thursday 16 January 2014.",
            deadline.Explanation);
    }

    [Fact]
    public void A_complaint_received_on_a_saturday_is_counted_from_the_next_working_day()
    {
        var deadline = Compute(FifteenWorkingDays, new DateOnly(2013, 3, 30));

        Assert.Equal(new DateOnly(2013, 4, 2), deadline.CountedFrom);
        Assert.Equal(new DateOnly(2013, 4, 23), deadline.DueOn);
        Assert.StartsWith(
            "15 working days from Tuesday 2 April 2013, the first working day after receipt on Saturday 30 March 2013; skipped Easter Monday 1 April;",
            deadline.Explanation,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_complaint_received_on_a_bank_holiday_names_it_as_skipped()
    {
        var deadline = Compute(FifteenWorkingDays, new DateOnly(2013, 3, 29));

        Assert.Equal(new DateOnly(2013, 4, 23), deadline.DueOn);
        Assert.Equal([new DateOnly(2013, 3, 29), new DateOnly(2013, 4, 1)], deadline.SkippedDays.Select(d => d.Date));
    }

    [Fact]
    public void The_moved_2012_spring_holiday_and_jubilee_are_skipped_and_28_may_is_not()
    {
        var deadline = Compute(FifteenWorkingDays, new DateOnly(2012, 5, 25));

        // 28 May 2012 was a working day (its holiday moved to 4 June); 4 and 5 June were not.
        Assert.Equal(new DateOnly(2012, 6, 19), deadline.DueOn);
        Assert.Equal(["Spring bank holiday (moved)", "Queen's Diamond Jubilee"], deadline.SkippedDays.Select(d => d.Name));
    }

    [Fact]
    public void A_same_day_rule_gives_the_day_of_receipt_or_the_next_working_day()
    {
        Assert.Equal(new DateOnly(2013, 3, 19), Compute(DeadlineRule.WorkingDays(0), new DateOnly(2013, 3, 19)).DueOn);
        Assert.Equal(new DateOnly(2013, 3, 25), Compute(DeadlineRule.WorkingDays(0), new DateOnly(2013, 3, 23)).DueOn);
    }

    // Subject access: the ICO's calendar month

    [Fact]
    public void Sar_received_3_september_is_due_3_october_as_in_the_ico_example()
    {
        var deadline = Compute(OneMonth, new DateOnly(2019, 9, 3));

        Assert.Equal(new DateOnly(2019, 10, 3), deadline.DueOn);
        Assert.Equal("1 calendar month from Tuesday 3 September 2019; due Thursday 3 October 2019.", deadline.Explanation);
    }

    [Fact]
    public void Sar_received_31_march_is_due_30_april_as_april_has_no_31st()
    {
        var deadline = Compute(OneMonth, new DateOnly(2019, 3, 31));

        Assert.Equal(new DateOnly(2019, 4, 30), deadline.DueOn);
        Assert.Equal(
            "1 calendar month from Sunday 31 March 2019 runs to the last day of April, as it has no 31st; due Tuesday 30 April 2019.",
            deadline.Explanation);
    }

    [Fact]
    public void Sar_received_on_a_weekend_counts_from_that_day_not_the_next_working_day()
    {
        // Saturday 2 March 2019: one month is Tuesday 2 April, not 4 April.
        Assert.Equal(new DateOnly(2019, 4, 2), Compute(OneMonth, new DateOnly(2019, 3, 2)).DueOn);
    }

    [Fact]
    public void Sar_due_on_a_saturday_moves_to_the_monday()
    {
        var deadline = Compute(OneMonth, new DateOnly(2020, 9, 3));

        Assert.Equal(new DateOnly(2020, 10, 5), deadline.DueOn);
        Assert.Empty(deadline.SkippedDays);
        Assert.Equal(
            "1 calendar month from Thursday 3 September 2020; the time ran out on Saturday 3 October 2020, not a working day, so the deadline moves to the next working day; due Monday 5 October 2020.",
            deadline.Explanation);
    }

    [Theory]
    [InlineData("2024-01-31", "2024-02-29")]
    [InlineData("2024-01-30", "2024-02-29")]
    [InlineData("2023-01-30", "2023-02-28")]
    [InlineData("2023-01-29", "2023-02-28")]
    [InlineData("2024-03-31", "2024-04-30")]
    [InlineData("2019-08-31", "2019-09-30")]
    [InlineData("2019-12-31", "2020-01-31")]
    public void Sar_month_ends_use_the_last_day_of_a_shorter_month(string received, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Compute(OneMonth, DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture)).DueOn);
    }

    [Fact]
    public void Sar_received_29_february_2024_is_due_after_easter_as_29_march_was_good_friday()
    {
        var deadline = Compute(OneMonth, new DateOnly(2024, 2, 29));

        Assert.Equal(new DateOnly(2024, 4, 2), deadline.DueOn);
        Assert.Equal(["Good Friday", "Easter Monday"], deadline.SkippedDays.Select(d => d.Name));
        Assert.Contains("the time ran out on Friday 29 March 2024, not a working day", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("skipped Good Friday 29 March and Easter Monday 1 April", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sar_extended_by_two_months_is_three_months_from_receipt_not_two_from_the_first_due_date()
    {
        var extension = new DeadlineExtension(DeadlineRule.CalendarMonths(2), "complex request", "Information rights lead", new DateOnly(2023, 2, 10));

        var deadline = Compute(OneMonth, new DateOnly(2023, 1, 31), extensions: [extension]);

        // 31 January + 3 months is Sunday 30 April; Monday 1 May 2023 was a bank holiday. Chaining
        // (28 February + 2 months = Friday 28 April) would have cut the time short.
        Assert.Equal(new DateOnly(2023, 5, 2), deadline.DueOn);
        Assert.Equal([extension], deadline.Extensions);
        Assert.StartsWith(
            "1 calendar month extended by 2 calendar months (agreed by Information rights lead on Friday 10 February 2023: complex request) from Tuesday 31 January 2023",
            deadline.Explanation,
            StringComparison.Ordinal);
        Assert.EndsWith("skipped Early May bank holiday 1 May; due Tuesday 2 May 2023.", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sar_before_25_may_2018_has_forty_calendar_days()
    {
        Assert.Equal(new DateOnly(2018, 4, 10), Compute(FortyDays, new DateOnly(2018, 3, 1)).DueOn);
    }

    [Fact]
    public void Forty_calendar_days_ending_on_a_saturday_move_to_the_monday()
    {
        var deadline = Compute(FortyDays, new DateOnly(2018, 4, 2));

        Assert.Equal(new DateOnly(2018, 5, 14), deadline.DueOn);
        Assert.Contains("the time ran out on Saturday 12 May 2018", deadline.Explanation, StringComparison.Ordinal);
    }

    // Pauses

    [Fact]
    public void A_pause_adds_the_working_days_the_clock_was_stopped()
    {
        var pause = new ClockPause(new DateOnly(2013, 3, 20), new DateOnly(2013, 3, 25), "waiting for consent from the person's representative");

        var deadline = Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), [pause]);

        // Stopped Wednesday 20 to Friday 22 March (3 working days); Monday 25, the restart, counts.
        Assert.Equal(new DateOnly(2013, 4, 16), deadline.DueOn);
        Assert.Equal(new AppliedPause(pause, 3, Counted: true), Assert.Single(deadline.Pauses));
        Assert.Equal(
            "15 working days from Tuesday 19 March 2013, paused from Wednesday 20 March 2013 until Monday 25 March 2013 (waiting for consent from the person's representative), adding 3 working days; skipped Good Friday 29 March and Easter Monday 1 April; due Tuesday 16 April 2013.",
            deadline.Explanation);
    }

    [Fact]
    public void A_pause_that_restarts_the_same_day_adds_nothing()
    {
        var pause = new ClockPause(new DateOnly(2013, 3, 20), new DateOnly(2013, 3, 20), "answered by return");

        Assert.Equal(new DateOnly(2013, 4, 11), Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), [pause]).DueOn);
    }

    [Fact]
    public void A_pause_over_a_weekend_and_holidays_adds_only_the_working_days_in_it()
    {
        // Thursday 28 March to Wednesday 3 April 2013: Thursday 28 and Tuesday 2 April are the working days lost.
        var pause = new ClockPause(new DateOnly(2013, 3, 28), new DateOnly(2013, 4, 3), "waiting for clarification");

        var deadline = Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), [pause]);

        Assert.Equal(2, deadline.Pauses[0].DaysAdded);
        Assert.Equal(new DateOnly(2013, 4, 15), deadline.DueOn);
    }

    [Fact]
    public void Several_pauses_add_up()
    {
        ClockPause[] pauses =
        [
            new(new DateOnly(2013, 4, 3), new DateOnly(2013, 4, 4), "second question"),
            new(new DateOnly(2013, 3, 20), new DateOnly(2013, 3, 21), "first question"),
        ];

        var deadline = Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), pauses);

        Assert.Equal(new DateOnly(2013, 4, 15), deadline.DueOn);
        Assert.Equal(["first question", "second question"], deadline.Pauses.Select(p => p.Pause.Reason));
    }

    [Fact]
    public void A_pause_starting_on_the_due_date_still_counts()
    {
        var pause = new ClockPause(new DateOnly(2013, 4, 11), new DateOnly(2013, 4, 15), "waiting for clarification");

        Assert.Equal(new DateOnly(2013, 4, 15), Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), [pause]).DueOn);
    }

    [Fact]
    public void A_pause_starting_after_the_time_ran_out_is_shown_but_not_counted()
    {
        var pause = new ClockPause(new DateOnly(2013, 4, 12), new DateOnly(2013, 4, 20), "asked too late");

        var deadline = Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), [pause]);

        Assert.Equal(new DateOnly(2013, 4, 11), deadline.DueOn);
        Assert.False(deadline.Pauses[0].Counted);
        Assert.Contains("not counting a pause from Friday 12 April 2013 until Saturday 20 April 2013 (asked too late) that began after the time had run out", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sar_pause_adds_calendar_days_before_moving_to_a_working_day()
    {
        var pause = new ClockPause(new DateOnly(2019, 9, 10), new DateOnly(2019, 9, 17), "waiting for clarification of the request");

        var deadline = Compute(OneMonth, new DateOnly(2019, 9, 3), [pause]);

        Assert.Equal(new DateOnly(2019, 10, 10), deadline.DueOn);
        Assert.Equal(7, deadline.Pauses[0].DaysAdded);
        Assert.Equal(
            "1 calendar month from Tuesday 3 September 2019, paused from Tuesday 10 September 2019 until Tuesday 17 September 2019 (waiting for clarification of the request), adding 7 calendar days; due Thursday 10 October 2019.",
            deadline.Explanation);
    }

    [Fact]
    public void A_pause_starting_on_the_day_of_receipt_does_not_take_day_0_away()
    {
        // Day 0 is never counted, so stopping on it and restarting on 5 September loses only 4 September.
        var pause = new ClockPause(new DateOnly(2019, 9, 3), new DateOnly(2019, 9, 5), "waiting for clarification");

        var deadline = Compute(OneMonth, new DateOnly(2019, 9, 3), [pause]);

        Assert.Equal(1, deadline.Pauses[0].DaysAdded);
        Assert.Equal(new DateOnly(2019, 10, 4), deadline.DueOn);
    }

    [Fact]
    public void A_pause_that_ends_before_it_starts_is_refused()
    {
        var pause = new ClockPause(new DateOnly(2013, 3, 25), new DateOnly(2013, 3, 20), "waiting");

        var error = Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), [pause]));

        Assert.Equal("The pause from 2013-03-25 until 2013-03-20 ends before it starts.", error.Message);
    }

    [Fact]
    public void Overlapping_pauses_are_refused()
    {
        ClockPause[] pauses =
        [
            new(new DateOnly(2013, 3, 20), new DateOnly(2013, 3, 27), "first"),
            new(new DateOnly(2013, 3, 26), new DateOnly(2013, 4, 3), "second"),
        ];

        var error = Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), pauses));

        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pauses_that_meet_end_to_start_do_not_overlap()
    {
        ClockPause[] pauses =
        [
            new(new DateOnly(2013, 3, 20), new DateOnly(2013, 3, 22), "first"),
            new(new DateOnly(2013, 3, 22), new DateOnly(2013, 3, 25), "second"),
        ];

        Assert.Equal(new DateOnly(2013, 4, 16), Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), pauses).DueOn);
    }

    [Fact]
    public void A_pause_before_receipt_is_refused()
    {
        var pause = new ClockPause(new DateOnly(2013, 3, 18), new DateOnly(2013, 3, 20), "waiting");

        var error = Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), [pause]));

        Assert.Contains("starts before the request was received on 2013-03-19", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pause_without_a_reason_is_refused()
    {
        var pause = new ClockPause(new DateOnly(2013, 3, 20), new DateOnly(2013, 3, 22), " ");

        Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), [pause]));
    }

    // Extensions

    [Fact]
    public void A_working_day_extension_adds_working_days()
    {
        var extension = new DeadlineExtension(DeadlineRule.WorkingDays(5), "investigating manager on leave", "Complainant by phone", new DateOnly(2013, 4, 5));

        Assert.Equal(new DateOnly(2013, 4, 18), Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), extensions: [extension]).DueOn);
    }

    [Fact]
    public void An_extension_in_months_cannot_extend_a_working_day_limit()
    {
        var extension = new DeadlineExtension(DeadlineRule.CalendarMonths(1), "complex", "Manager", new DateOnly(2013, 4, 5));

        var error = Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, new DateOnly(2013, 3, 19), extensions: [extension]));

        Assert.Equal("The extension by 1 calendar month cannot extend a limit of 15 working days: give the extension in working days.", error.Message);
    }

    [Fact]
    public void An_extension_of_nothing_or_without_who_or_why_is_refused()
    {
        var received = new DateOnly(2013, 3, 19);
        var agreed = new DateOnly(2013, 4, 5);

        Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, received, extensions: [new(DeadlineRule.WorkingDays(0), "why", "who", agreed)]));
        Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, received, extensions: [new(DeadlineRule.WorkingDays(5), "", "who", agreed)]));
        Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, received, extensions: [new(DeadlineRule.WorkingDays(5), "why", "", agreed)]));
        Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, received, extensions: [new(DeadlineRule.WorkingDays(5), "why", "who", received.AddDays(-1))]));
    }

    // Range

    [Fact]
    public void A_receipt_outside_the_supported_years_is_refused()
    {
        var error = Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, new DateOnly(1989, 12, 29)));

        Assert.Equal("The date of receipt 1989-12-29 is outside the supported calendar (1990 to 2100).", error.Message);
    }

    [Fact]
    public void A_deadline_past_the_end_of_the_supported_years_is_refused()
    {
        Assert.Throws<CalendarException>(() => Compute(OneMonth, new DateOnly(2100, 12, 15)));
        Assert.Throws<CalendarException>(() => Compute(FortyDays, new DateOnly(2100, 12, 15)));
        Assert.Throws<CalendarException>(() => Compute(FifteenWorkingDays, new DateOnly(2100, 12, 15)));
    }

    // Properties

    private static readonly Gen<DateOnly> AnyReceipt =
        Gen.Int[new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2099, 12, 31).DayNumber].Select(DateOnly.FromDayNumber);

    private static readonly Gen<DeadlineRule> AnyRule = Gen.OneOf(
        Gen.Int[0, 60].Select(DeadlineRule.WorkingDays),
        Gen.Int[0, 90].Select(DeadlineRule.CalendarDays),
        Gen.Int[0, 3].Select(DeadlineRule.CalendarMonths));

    [Fact]
    public void No_deadline_lands_on_a_non_working_day()
    {
        Gen.Select(AnyRule, AnyReceipt).Sample((rule, received) =>
        {
            var deadline = Compute(rule, received);
            return Calendar.IsWorkingDay(deadline.DueOn) && deadline.DueOn >= received;
        });
    }

    [Fact]
    public void A_pause_never_brings_a_deadline_forward_and_never_lands_it_on_a_non_working_day()
    {
        Gen.Select(AnyRule, AnyReceipt, Gen.Int[0, 40], Gen.Int[0, 20]).Sample((rule, received, startAfter, length) =>
        {
            var stopped = received.AddDays(startAfter);
            var pause = new ClockPause(stopped, stopped.AddDays(length), "waiting for clarification");

            var without = Compute(rule, received).DueOn;
            var with = Compute(rule, received, [pause]).DueOn;

            return with >= without && Calendar.IsWorkingDay(with);
        });
    }

    [Fact]
    public void A_working_day_deadline_is_the_rule_count_of_working_days_after_receipt()
    {
        Gen.Select(Gen.Int[0, 60], AnyReceipt).Sample((days, received) =>
            Calendar.CountWorkingDays(received, Compute(DeadlineRule.WorkingDays(days), received).DueOn) == days);
    }
}
