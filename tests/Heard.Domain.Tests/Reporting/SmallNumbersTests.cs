using Heard.Domain.Reporting;

namespace Heard.Domain.Tests.Reporting;

public sealed class SmallNumbersTests
{
    private static string[] Shown(PublishedCounts table) => table.Cells.Select(c => c.Display).ToArray();

    [Fact]
    public void A_table_without_small_counts_is_shown_whole_with_its_total()
    {
        var table = SmallNumbers.Apply([120, 45, 0, 9]);

        Assert.Equal(["120", "45", "0", "9"], Shown(table));
        Assert.Equal(174, table.Total.Count);
    }

    [Fact]
    public void One_small_count_is_suppressed_and_the_next_smallest_is_withheld_so_it_cannot_be_subtracted()
    {
        var table = SmallNumbers.Apply([120, 3, 40, 9]);

        Assert.Equal(["120", SmallNumbers.FewerThanFive, "40", SmallNumbers.Withheld], Shown(table));
        Assert.Null(table.Cells[1].Count);
        Assert.Null(table.Cells[3].Count);
        Assert.Equal(Suppression.Secondary, table.Cells[3].Suppression);
        Assert.Equal(172, table.Total.Count);
    }

    [Fact]
    public void Secondary_suppression_skips_zeros_because_a_hidden_zero_protects_nothing()
    {
        var table = SmallNumbers.Apply([0, 2, 50, 30]);

        Assert.Equal(["0", SmallNumbers.FewerThanFive, "50", SmallNumbers.Withheld], Shown(table));
    }

    [Fact]
    public void Two_small_counts_adding_up_to_fewer_than_five_take_a_third_count_with_them()
    {
        // 1 + 2 = 3 would be revealed as "the rest" of the total; a third count makes the hidden sum 3 + 12.
        var table = SmallNumbers.Apply([1, 2, 12, 100]);

        Assert.Equal([SmallNumbers.FewerThanFive, SmallNumbers.FewerThanFive, SmallNumbers.Withheld, "100"], Shown(table));
        Assert.Equal(115, table.Total.Count);
    }

    [Fact]
    public void Two_small_counts_adding_up_to_five_or_more_need_no_secondary_suppression()
    {
        var table = SmallNumbers.Apply([3, 4, 12, 100]);

        Assert.Equal([SmallNumbers.FewerThanFive, SmallNumbers.FewerThanFive, "12", "100"], Shown(table));
    }

    [Fact]
    public void No_suppressed_count_can_be_worked_out_from_the_total_and_the_shown_counts()
    {
        long[][] tables = [[4, 5, 6], [1, 0, 0, 9], [2, 2, 0, 70], [4, 100], [1, 1, 1, 1, 400], [0, 0, 3]];
        foreach (var counts in tables)
        {
            var table = SmallNumbers.Apply(counts);
            var hidden = table.Cells.Where(c => !c.Shown).ToList();
            if (!table.Total.Shown)
            {
                continue; // nothing to subtract from
            }

            var rest = table.Total.Count!.Value - table.Cells.Where(c => c.Shown).Sum(c => c.Count!.Value);
            Assert.True(hidden.Count != 1, $"one hidden count in [{string.Join(", ", counts)}] equals total minus the rest");
            Assert.True(hidden.Count == 0 || rest >= SmallNumbers.Threshold, $"hidden counts of [{string.Join(", ", counts)}] add up to {rest}");
        }
    }

    [Fact]
    public void A_total_under_five_is_suppressed_with_every_count()
    {
        var table = SmallNumbers.Apply([0, 0, 3]);

        Assert.False(table.Total.Shown);
        Assert.Equal(SmallNumbers.FewerThanFive, table.Total.Display);
        Assert.All(table.Cells, c => Assert.False(c.Shown));
    }

    [Fact]
    public void Shares_are_given_only_for_shown_counts()
    {
        var table = SmallNumbers.Apply([120, 3, 40, 9]);

        Assert.Equal(120.0 / 172, table.Cells[0].ShareOf(table.Total));
        Assert.Null(table.Cells[1].ShareOf(table.Total));
        Assert.Null(table.Cells[3].ShareOf(table.Total));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(4, SmallNumbers.FewerThanFive)]
    [InlineData(5, "5")]
    [InlineData(12345, "12,345")]
    public void A_single_count_is_suppressed_from_one_to_four(long count, string display)
    {
        Assert.Equal(display, SmallNumbers.One(count).Display);
    }
}
