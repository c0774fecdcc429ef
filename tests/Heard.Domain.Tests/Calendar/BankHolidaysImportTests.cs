using Heard.Domain.Calendar;

namespace Heard.Domain.Tests.Calendar;

public class BankHolidaysImportTests
{
    private static readonly WorkingCalendar BuiltIn = WorkingCalendar.EnglandAndWales;

    [Fact]
    public void Importing_the_published_list_changes_nothing_as_the_calendar_already_agrees()
    {
        var import = BankHolidaysImport.Plan(OfficialBankHolidays.AsGovUkJson(), BuiltIn);

        Assert.True(import.Succeeded, string.Join(Environment.NewLine, import.Errors));
        Assert.Empty(import.Adjustments);
    }

    [Fact]
    public void A_govuk_file_as_published_is_read()
    {
        const string json = """
            {"england-and-wales":{"division":"england-and-wales","events":[
              {"title":"New Year’s Day","date":"2030-01-01","notes":"","bunting":true},
              {"title":"Bank holiday for a royal occasion","date":"2030-06-14","notes":"","bunting":true}
            ]},
            "scotland":{"division":"scotland","events":[{"title":"2nd January","date":"2030-01-02","notes":"","bunting":true}]},
            "northern-ireland":{"division":"northern-ireland","events":[]}}
            """;

        var import = BankHolidaysImport.Plan(json, BuiltIn);

        Assert.True(import.Succeeded, string.Join(Environment.NewLine, import.Errors));
        Assert.Contains(import.Adjustments, a => a.Date == new DateOnly(2030, 6, 14) && a.Kind == CalendarAdjustmentKind.BankHoliday && a.Name == "Bank holiday for a royal occasion");
        Assert.DoesNotContain(import.Adjustments, a => a.Date == new DateOnly(2030, 1, 2));
    }

    [Fact]
    public void A_proclaimed_holiday_in_the_file_is_added()
    {
        var json = OfficialBankHolidays.AsGovUkJson(extra: ("2026-06-12", "Extra bank holiday"));

        var import = BankHolidaysImport.Plan(json, BuiltIn);

        var adjustment = Assert.Single(import.Adjustments);
        Assert.Equal(CalendarAdjustment.AddBankHoliday(new DateOnly(2026, 6, 12), "Extra bank holiday", "In GOV.UK's bank holidays for 2026"), adjustment);
    }

    [Fact]
    public void A_holiday_missing_from_a_year_in_the_file_becomes_a_working_day_again()
    {
        var moved = new DateOnly(2026, 5, 25);
        var json = OfficialBankHolidays.AsGovUkJson(keep: d => d != moved, extra: ("2026-06-01", "Spring bank holiday"));

        var import = BankHolidaysImport.Plan(json, BuiltIn);
        var calendar = BuiltIn.With(import.Adjustments.Select(a => CalendarChange.Record(a, "admin@heard.example", TimeProvider.System)));

        Assert.Equal(2, import.Adjustments.Count);
        Assert.True(calendar.IsWorkingDay(moved));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Years_the_file_does_not_mention_are_left_alone()
    {
        var import = BankHolidaysImport.Plan(
            """{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Christmas Day","date":"2013-12-25"},{"title":"Good Friday","date":"2013-03-29"},{"title":"New Year's Day","date":"2013-01-01"},{"title":"Easter Monday","date":"2013-04-01"},{"title":"Early May bank holiday","date":"2013-05-06"},{"title":"Spring bank holiday","date":"2013-05-27"},{"title":"Summer bank holiday","date":"2013-08-26"},{"title":"Boxing Day","date":"2013-12-26"}]}}""",
            BuiltIn);

        Assert.True(import.Succeeded, string.Join(Environment.NewLine, import.Errors));
        Assert.Empty(import.Adjustments);
    }

    [Fact]
    public void Closures_are_left_alone_by_an_import_of_the_same_year()
    {
        var closure = CalendarChange.Record(
            CalendarAdjustment.AddClosure(new DateOnly(2026, 12, 24), "Christmas Eve closure", "Board decision"), "admin@heard.example", TimeProvider.System);
        var calendar = BuiltIn.With(closure);

        var import = BankHolidaysImport.Plan(OfficialBankHolidays.AsGovUkJson(), calendar);

        Assert.True(import.Succeeded, string.Join(Environment.NewLine, import.Errors));
        Assert.Empty(import.Adjustments);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("[]", "should be a JSON object")]
    [InlineData("""{"scotland":{"division":"scotland","events":[]}}""", "no \"england-and-wales\" division")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales"}}""", "no \"events\" list")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[]}}""", "is empty")]
    [InlineData("""{"england-and-wales":{"division":"wales","events":[{"title":"A","date":"2026-06-12"}]}}""", "should say \"division\"")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"date":"2026-06-12"}]}}""", "Event 1 has no title")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"A"}]}}""", "Event 1 has no date")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"A","date":"12/06/2026"}]}}""", "is not a date in the form YYYY-MM-DD")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"A","date":"2026-02-30"}]}}""", "is not a date in the form YYYY-MM-DD")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"A","date":"2026-06-13"}]}}""", "is a Saturday")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"A","date":"2101-06-13"}]}}""", "outside the supported calendar")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"A","date":"2026-06-12"},{"title":"B","date":"2026-06-12"}]}}""", "Event 2: 2026-06-12 appears more than once")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"A","date":"2026-06-12","bunting":"yes"}]}}""", "\"bunting\" should be true or false")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"A","date":"2026-06-12","notes":3}]}}""", "\"notes\" should be text")]
    [InlineData("""{"england-and-wales":{"division":"england-and-wales","events":["2026-06-12"]}}""", "Event 1 should be an object")]
    public void A_file_not_in_the_expected_format_is_refused_with_a_message_saying_what_is_wrong(string json, string expected)
    {
        var import = BankHolidaysImport.Plan(json, BuiltIn);

        Assert.False(import.Succeeded);
        Assert.Empty(import.Adjustments);
        Assert.Contains(import.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void One_bad_event_refuses_the_whole_file_and_the_calendar_is_left_as_it_was()
    {
        var json = OfficialBankHolidays.AsGovUkJson(extra: [("2026-06-12", "Extra bank holiday"), ("2026-13-01", "Nonsense")]);

        var import = BankHolidaysImport.Plan(json, BuiltIn);

        Assert.False(import.Succeeded);
        Assert.Empty(import.Adjustments);
        Assert.Single(import.Errors);
        Assert.True(BuiltIn.IsWorkingDay(new DateOnly(2026, 6, 12)));
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        var import = BankHolidaysImport.Plan(
            """{"england-and-wales":{"division":"england-and-wales","events":[{"title":"A","date":"2026-06-13"},{"date":"2026-06-12"},{"title":"C","date":"x"}]}}""",
            BuiltIn);

        Assert.Equal(3, import.Errors.Count);
    }
}
