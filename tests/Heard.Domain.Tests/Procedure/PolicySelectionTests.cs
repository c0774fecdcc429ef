using Heard.Domain.Cases;
using Heard.Domain.Procedure;

namespace Heard.Domain.Tests.Procedure;

public sealed class PolicySelectionTests
{
    private static readonly DateTime Shipped = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly PolicyHeader[] Versions =
    [
        new("procedure-2010", 1, null, new DateOnly(2010, 7, 1), Shipped),
        new("procedure-2013", 1, null, new DateOnly(2013, 4, 1), Shipped),
        new("adult-2023", 1, Audience.Adult, new DateOnly(2023, 8, 1), Shipped),
        new("child-2023", 1, Audience.Child, new DateOnly(2023, 8, 1), Shipped),
    ];

    [Theory]
    [InlineData(2010, 7, 1, "adult", "procedure-2010@1")]
    [InlineData(2013, 3, 19, "adult", "procedure-2010@1")]
    [InlineData(2013, 3, 31, "child", "procedure-2010@1")]
    [InlineData(2013, 4, 1, "adult", "procedure-2013@1")]
    [InlineData(2023, 7, 31, "child", "procedure-2013@1")]
    [InlineData(2023, 8, 1, "adult", "adult-2023@1")]
    [InlineData(2023, 8, 1, "child", "child-2023@1")]
    [InlineData(2024, 2, 12, "child", "child-2023@1")]
    public void Complaint_follows_the_policy_in_force_for_its_audience_on_the_day_it_was_received(int year, int month, int day, string audience, string expected)
    {
        var chosen = PolicySelection.For(Versions, audience == "child" ? Audience.Child : Audience.Adult, new DateOnly(year, month, day));

        Assert.Equal(expected, chosen?.Key);
    }

    [Fact]
    public void Nothing_covers_a_complaint_received_before_the_2010_procedure()
    {
        var received = new DateOnly(2010, 6, 30);

        Assert.Null(PolicySelection.For(Versions, Audience.Adult, received));
        Assert.Equal(
            "No complaints procedure in Heard covers Wednesday 30 June 2010: the earliest starts on Thursday 1 July 2010",
            PolicySelection.NoneCovers(Versions, Audience.Adult, received));
    }

    [Fact]
    public void A_later_version_takes_over_from_its_effective_date_and_older_complaints_keep_theirs()
    {
        PolicyHeader[] versions = [.. Versions, new("adult-2023", 2, Audience.Adult, new DateOnly(2027, 1, 1), Shipped.AddMonths(3))];

        Assert.Equal("adult-2023@1", PolicySelection.For(versions, Audience.Adult, new DateOnly(2026, 12, 31))!.Key);
        Assert.Equal("adult-2023@2", PolicySelection.For(versions, Audience.Adult, new DateOnly(2027, 1, 1))!.Key);
        Assert.Equal("child-2023@1", PolicySelection.For(versions, Audience.Child, new DateOnly(2027, 1, 1))!.Key);
    }

    [Fact]
    public void Of_two_versions_from_the_same_day_the_one_made_later_wins()
    {
        PolicyHeader[] versions = [.. Versions, new("adult-2023", 2, Audience.Adult, new DateOnly(2023, 8, 1), Shipped.AddDays(1))];

        Assert.Equal("adult-2023@2", PolicySelection.For(versions, Audience.Adult, new DateOnly(2024, 1, 1))!.Key);
    }
}
