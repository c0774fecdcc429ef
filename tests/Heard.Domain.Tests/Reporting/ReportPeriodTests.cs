using Heard.Domain.Reporting;

namespace Heard.Domain.Tests.Reporting;

public sealed class ReportPeriodTests
{
    [Fact]
    public void Quarter_one_of_2023_24_is_april_to_june_2023_beside_april_to_june_2022()
    {
        var q1 = ReportPeriod.Quarter(2023, 1);

        Assert.Equal(new DateOnly(2023, 4, 1), q1.From);
        Assert.Equal(new DateOnly(2023, 6, 30), q1.To);
        Assert.Equal("Q1 2023\u201324", q1.Name);
        Assert.Equal(new DateOnly(2022, 4, 1), q1.YearEarlier().From);
        Assert.Equal(new DateOnly(2022, 6, 30), q1.YearEarlier().To);
    }

    [Fact]
    public void Quarter_four_runs_january_to_march_of_the_next_calendar_year()
    {
        var q4 = ReportPeriod.Quarter(2023, 4);

        Assert.Equal(new DateOnly(2024, 1, 1), q4.From);
        Assert.Equal(new DateOnly(2024, 3, 31), q4.To);
    }

    [Fact]
    public void Financial_year_runs_april_to_march()
    {
        var year = ReportPeriod.FinancialYear(2024);

        Assert.Equal(new DateOnly(2024, 4, 1), year.From);
        Assert.Equal(new DateOnly(2025, 3, 31), year.To);
        Assert.Equal("2024\u201325", year.Name);
        Assert.Equal(2023, ReportPeriod.FinancialYearOf(new DateOnly(2024, 3, 31)));
        Assert.Equal(2024, ReportPeriod.FinancialYearOf(new DateOnly(2024, 4, 1)));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused_with_a_message()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportPeriod.Custom(new DateOnly(2024, 5, 1), new DateOnly(2024, 4, 30)));

        Assert.Equal("The end date must be the same as or after the start date.", error.Message);
    }

    [Fact]
    public void A_period_longer_than_five_years_is_refused_and_exactly_five_is_allowed()
    {
        Assert.Null(ReportPeriod.Problem(new DateOnly(2019, 4, 1), new DateOnly(2024, 3, 31)));
        Assert.Equal("A report can cover at most 5 years. Choose a shorter period.", ReportPeriod.Problem(new DateOnly(2019, 4, 1), new DateOnly(2024, 4, 1)));
    }

    [Fact]
    public void A_year_earlier_than_a_leap_day_is_the_28th()
    {
        var period = ReportPeriod.Custom(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29));

        Assert.Equal(new DateOnly(2023, 2, 28), period.YearEarlier().To);
    }
}
