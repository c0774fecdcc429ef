using Heard.Domain.Calendar;

namespace Heard.Domain.Tests.Calendar;

public class BankHolidayTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.EnglandAndWales;

    [Theory]
    [MemberData(nameof(OfficialBankHolidays.Years), MemberType = typeof(OfficialBankHolidays))]
    public void Bank_holidays_match_the_published_list(int year)
    {
        var computed = Calendar.NonWorkingDaysBetween(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
            .Select(d => d.Date);

        Assert.Equal(OfficialBankHolidays.DatesIn(year), computed);
    }

    [Theory]
    [MemberData(nameof(OfficialBankHolidays.Years), MemberType = typeof(OfficialBankHolidays))]
    public void Every_weekday_not_in_the_published_list_is_a_working_day(int year)
    {
        var holidays = OfficialBankHolidays.DatesIn(year).ToHashSet();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            bool weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            Assert.Equal(!weekend && !holidays.Contains(day), Calendar.IsWorkingDay(day));
        }
    }

    [Theory]
    [InlineData("2012-06-04", "Spring bank holiday (moved)")]
    [InlineData("2012-06-05", "Queen's Diamond Jubilee")]
    [InlineData("2020-05-08", "Early May bank holiday (VE Day)")]
    [InlineData("2022-06-02", "Spring bank holiday (moved)")]
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    [InlineData("2021-12-27", "Christmas Day (substitute day)")]
    [InlineData("2021-12-28", "Boxing Day (substitute day)")]
    [InlineData("2027-12-28", "Boxing Day (substitute day)")]
    [InlineData("2022-01-03", "New Year's Day (substitute day)")]
    [InlineData("2013-03-29", "Good Friday")]
    public void Holidays_carry_the_names_people_know_them_by(string date, string name)
    {
        var day = Calendar.NonWorkingDayOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(day);
        Assert.Equal(name, day.Name);
        Assert.Equal(NonWorkingDayKind.BankHoliday, day.Kind);
    }

    [Theory]
    [InlineData(1995, 5, 1)]
    [InlineData(2002, 5, 27)]
    [InlineData(2012, 5, 28)]
    [InlineData(2020, 5, 4)]
    [InlineData(2022, 5, 30)]
    public void A_moved_holidays_usual_date_is_a_working_day_again(int year, int month, int day)
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(1995, 5, 8, "Early May bank holiday (VE Day)")]
    [InlineData(1999, 12, 31, "Millennium bank holiday")]
    [InlineData(2002, 6, 3, "Golden Jubilee bank holiday")]
    [InlineData(2002, 6, 4, "Spring bank holiday (moved)")]
    [InlineData(2011, 4, 29, "Royal wedding bank holiday")]
    public void One_off_holidays_before_2012_are_in_the_calendar(int year, int month, int day, string name)
    {
        var date = new DateOnly(year, month, day);

        Assert.False(Calendar.IsWorkingDay(date));
        Assert.Equal(name, Calendar.NonWorkingDayOn(date)?.Name);
    }

    [Fact]
    public void Millennium_new_year_has_a_substitute_day_after_the_extra_holiday()
    {
        var holidays = Calendar.NonWorkingDaysBetween(new DateOnly(1999, 12, 24), new DateOnly(2000, 1, 7)).Select(d => d.Date);

        Assert.Equal(
            [new(1999, 12, 27), new(1999, 12, 28), new(1999, 12, 31), new DateOnly(2000, 1, 3)],
            holidays);
    }

    [Theory]
    [InlineData(1990, 4, 15)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2038, 4, 25)]
    [InlineData(2049, 4, 18)]
    [InlineData(2100, 3, 28)]
    public void Easter_sunday_is_computed_for_early_and_late_years(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), EnglandAndWalesBankHolidays.EasterSunday(year));
    }

    [Fact]
    public void Every_supported_year_has_at_least_the_eight_regular_holidays_all_on_weekdays()
    {
        for (int year = 1990; year <= 2100; year++)
        {
            var holidays = Calendar.NonWorkingDaysBetween(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

            Assert.True(holidays.Count >= 8, $"{year} has {holidays.Count} bank holidays");
            Assert.All(holidays, h => Assert.True(h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{h.Date} {h.Name}"));
        }
    }
}
