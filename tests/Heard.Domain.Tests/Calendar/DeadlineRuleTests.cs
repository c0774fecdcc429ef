using Heard.Domain.Calendar;

namespace Heard.Domain.Tests.Calendar;

public class DeadlineRuleTests
{
    [Theory]
    [InlineData("working-days:15", DeadlineRuleKind.WorkingDays, 15, "15 working days")]
    [InlineData("calendar-days:40", DeadlineRuleKind.CalendarDays, 40, "40 calendar days")]
    [InlineData("calendar-months:1", DeadlineRuleKind.CalendarMonths, 1, "1 calendar month")]
    [InlineData("calendar-months:3", DeadlineRuleKind.CalendarMonths, 3, "3 calendar months")]
    [InlineData("working-days:1", DeadlineRuleKind.WorkingDays, 1, "1 working day")]
    [InlineData("working-days:0", DeadlineRuleKind.WorkingDays, 0, "0 working days")]
    public void A_rule_is_read_from_its_stored_form(string text, DeadlineRuleKind kind, int amount, string displayName)
    {
        var rule = DeadlineRule.Parse(text);

        Assert.Equal(kind, rule.Kind);
        Assert.Equal(amount, rule.Amount);
        Assert.Equal(displayName, rule.DisplayName);
    }

    [Theory]
    [InlineData("working-days:15")]
    [InlineData("calendar-days:40")]
    [InlineData("calendar-months:1")]
    public void A_rule_writes_the_form_it_reads(string text)
    {
        Assert.Equal(text, DeadlineRule.Parse(text).ToString());
        Assert.Equal(DeadlineRule.Parse(text), DeadlineRule.Parse(text.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("", "is not a deadline rule")]
    [InlineData("15", "is not a deadline rule")]
    [InlineData("fortnights:2", "is not a kind of deadline rule")]
    [InlineData("working-days:fifteen", "is not a whole number")]
    [InlineData("working-days:-3", "negative")]
    [InlineData("calendar-days:1.5", "is not a whole number")]
    [InlineData("working-days:999999", "more than")]
    public void Bad_rules_are_refused_with_a_message_saying_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<CalendarException>(() => DeadlineRule.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(DeadlineRule.TryParse(text, out _));
    }

    [Fact]
    public void A_negative_amount_is_refused_when_built_in_code_too()
    {
        Assert.Throws<CalendarException>(() => DeadlineRule.WorkingDays(-1));
    }
}
