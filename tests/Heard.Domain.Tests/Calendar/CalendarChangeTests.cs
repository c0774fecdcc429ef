using Heard.Domain.Calendar;

namespace Heard.Domain.Tests.Calendar;

public class CalendarChangeTests
{
    private static readonly WorkingCalendar BuiltIn = WorkingCalendar.EnglandAndWales;
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));

    private static CalendarChange Change(CalendarAdjustment adjustment, string by = "admin@heard.example") =>
        CalendarChange.Record(adjustment, by, Clock);

    [Fact]
    public void A_change_records_who_made_it_and_when_in_utc()
    {
        var change = Change(CalendarAdjustment.AddClosure(new DateOnly(2026, 12, 24), "Office closure", "Christmas Eve closure agreed by the board"));

        Assert.Equal("admin@heard.example", change.ChangedBy);
        Assert.Equal(new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc), change.ChangedAt);
        Assert.Equal(DateTimeKind.Utc, change.ChangedAt.Kind);
        Assert.Equal(CalendarAdjustmentKind.Closure, change.Kind);
    }

    [Fact]
    public void A_closure_day_is_not_a_working_day_and_pushes_a_deadline_out()
    {
        var closure = Change(CalendarAdjustment.AddClosure(new DateOnly(2013, 4, 2), "Office move", "Move to new offices"));

        var calendar = BuiltIn.With(closure);
        var deadline = DeadlineCalculator.Compute(calendar, DeadlineRule.WorkingDays(15), new DateOnly(2013, 3, 19));

        Assert.False(calendar.IsWorkingDay(new DateOnly(2013, 4, 2)));
        Assert.Equal(new DateOnly(2013, 4, 12), deadline.DueOn);
        Assert.Contains("Office move 2 April", deadline.Explanation, StringComparison.Ordinal);
        Assert.Equal(1, calendar.Version);
        Assert.Equal([closure], calendar.Changes);
    }

    [Fact]
    public void Recomputing_with_a_new_calendar_shows_the_deadline_moved()
    {
        var proclamation = Change(CalendarAdjustment.AddBankHoliday(new DateOnly(2030, 6, 14), "Bank holiday for a royal occasion", "Proclamation"));
        var received = new DateOnly(2030, 6, 3);

        var before = DeadlineCalculator.Compute(BuiltIn, DeadlineRule.WorkingDays(15), received);
        var after = DeadlineCalculator.Compute(BuiltIn.With(proclamation), DeadlineRule.WorkingDays(15), received);

        Assert.Equal(before.DueOn.AddDays(1), after.DueOn);
    }

    [Fact]
    public void Making_a_holiday_a_working_day_again_takes_it_out_of_the_calendar()
    {
        var calendar = BuiltIn.With(Change(CalendarAdjustment.MakeWorkingDay(new DateOnly(2030, 5, 6), "Moved by proclamation")));

        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 5, 6)));
        Assert.False(BuiltIn.IsWorkingDay(new DateOnly(2030, 5, 6)));
    }

    [Fact]
    public void Changes_apply_in_order_so_a_later_one_can_undo_an_earlier_one()
    {
        var date = new DateOnly(2026, 12, 24);
        var calendar = BuiltIn.With(
        [
            Change(CalendarAdjustment.AddClosure(date, "Christmas Eve closure", "Board decision")),
            Change(CalendarAdjustment.MakeWorkingDay(date, "Decision reversed")),
        ]);

        Assert.True(calendar.IsWorkingDay(date));
        Assert.Equal(2, calendar.Version);
    }

    [Fact]
    public void A_calendar_rebuilt_from_its_history_is_the_same()
    {
        var calendar = BuiltIn.With(
        [
            Change(CalendarAdjustment.AddClosure(new DateOnly(2026, 12, 24), "Christmas Eve closure", "Board decision")),
            Change(CalendarAdjustment.MakeWorkingDay(new DateOnly(2026, 5, 25), "Test correction")),
        ]);

        var rebuilt = WorkingCalendar.FromHistory(calendar.Changes);

        var year = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        Assert.Equal(calendar.NonWorkingDaysBetween(year.Item1, year.Item2), rebuilt.NonWorkingDaysBetween(year.Item1, year.Item2));
        Assert.Equal(calendar.Version, rebuilt.Version);
    }

    [Theory]
    [InlineData(2026, 12, 26, "is a Saturday")]
    [InlineData(1989, 6, 1, "outside the supported calendar")]
    [InlineData(2101, 6, 1, "outside the supported calendar")]
    public void A_closure_on_a_weekend_or_outside_the_supported_years_is_refused(int year, int month, int day, string expected)
    {
        var error = Assert.Throws<CalendarException>(() =>
            BuiltIn.With(Change(CalendarAdjustment.AddClosure(new DateOnly(year, month, day), "Closure", "Reason"))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Making_a_working_day_a_working_day_is_refused_as_it_changes_nothing()
    {
        var error = Assert.Throws<CalendarException>(() =>
            BuiltIn.With(Change(CalendarAdjustment.MakeWorkingDay(new DateOnly(2026, 3, 4), "Mistake"))));

        Assert.Equal("2026-03-04 is already a working day, so there is nothing to remove.", error.Message);
    }

    [Fact]
    public void Adding_the_same_holiday_twice_is_refused()
    {
        var error = Assert.Throws<CalendarException>(() =>
            BuiltIn.With(Change(CalendarAdjustment.AddBankHoliday(new DateOnly(2026, 12, 25), "Christmas Day", "Again"))));

        Assert.Contains("already Christmas Day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closure_on_a_bank_holiday_is_refused_as_the_day_is_not_worked_anyway()
    {
        var error = Assert.Throws<CalendarException>(() =>
            BuiltIn.With(Change(CalendarAdjustment.AddClosure(new DateOnly(2026, 12, 25), "Office closed", "Christmas"))));

        Assert.Equal("2026-12-25 is already a bank holiday (Christmas Day), so it needs no closure.", error.Message);
    }

    [Fact]
    public void A_closure_can_be_corrected_to_a_bank_holiday()
    {
        var date = new DateOnly(2030, 6, 14);
        var calendar = BuiltIn.With(Change(CalendarAdjustment.AddClosure(date, "Office closed", "Expected proclamation")))
            .With(Change(CalendarAdjustment.AddBankHoliday(date, "Royal occasion bank holiday", "Proclaimed")));

        Assert.Equal(new NonWorkingDay(date, "Royal occasion bank holiday", NonWorkingDayKind.BankHoliday), calendar.NonWorkingDayOn(date));
        Assert.Equal(2, calendar.Version);
    }

    [Fact]
    public void A_change_without_a_name_or_reason_or_author_is_refused()
    {
        var date = new DateOnly(2026, 12, 24);

        Assert.Throws<CalendarException>(() => BuiltIn.With(Change(CalendarAdjustment.AddClosure(date, " ", "Reason"))));
        Assert.Throws<CalendarException>(() => BuiltIn.With(Change(CalendarAdjustment.AddClosure(date, "Closure", ""))));
        Assert.Throws<CalendarException>(() => Change(CalendarAdjustment.AddClosure(date, "Closure", "Reason"), by: " "));
    }

    [Fact]
    public void A_refused_batch_changes_nothing_even_when_its_first_changes_were_good()
    {
        var good = Change(CalendarAdjustment.AddClosure(new DateOnly(2026, 12, 24), "Christmas Eve closure", "Board decision"));
        var bad = Change(CalendarAdjustment.AddClosure(new DateOnly(2026, 12, 26), "Boxing Day Saturday", "Mistake"));

        Assert.Throws<CalendarException>(() => BuiltIn.With([good, bad]));

        Assert.True(BuiltIn.IsWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.Equal(0, BuiltIn.Version);
    }
}
