using Heard.Domain.Reporting;

namespace Heard.Domain.Tests.Reporting;

public sealed class LowRateTestTests
{
    [Theory]
    // Reference values of the Poisson cumulative distribution (R: ppois(k, mean)).
    [InlineData(0, 1.0, 0.36787944117144233)]
    [InlineData(2, 5.0, 0.12465201948308116)]
    [InlineData(10, 10.0, 0.5830397501929871)]
    [InlineData(80, 100.0, 0.02264917664225637)]
    public void Poisson_lower_tail_matches_reference_values(long k, double mean, double expected)
    {
        Assert.Equal(expected, LowRateTest.PoissonLowerTail(k, mean), 10);
    }

    [Fact]
    public void Poisson_lower_tail_does_not_underflow_for_large_means()
    {
        var p = LowRateTest.PoissonLowerTail(9_000, 10_000);

        Assert.InRange(p, 0, 1e-20);
        Assert.True(p > 0);
    }

    [Fact]
    public void Holm_multiplies_the_smallest_by_the_family_size_and_keeps_the_order()
    {
        var adjusted = LowRateTest.Holm([0.01, 0.04, null, 0.03]);

        // Sorted: 0.01 ×3 = 0.03; 0.03 ×2 = 0.06; 0.04 ×1 = 0.04 → raised to 0.06 to keep the order.
        Assert.Equal(0.03, adjusted[0]!.Value, 12);
        Assert.Equal(0.06, adjusted[3]!.Value, 12);
        Assert.Equal(0.06, adjusted[1]!.Value, 12);
        Assert.Null(adjusted[2]);
    }

    [Fact]
    public void A_group_far_below_the_overall_rate_is_flagged_and_an_ordinary_one_is_not()
    {
        // Overall: 300 complaints over 30,000 served = 10 per 1,000. Group C expects 100 and has 60.
        var findings = LowRateTest.Assess(
        [
            new RateGroup("A", 120, 10_000),
            new RateGroup("B", 120, 10_000),
            new RateGroup("C", 60, 10_000),
        ]);

        Assert.Equal(6.0, findings[2].RatePerThousand!.Value, 9);
        Assert.True(findings[2].SignificantlyLow);
        Assert.False(findings[0].SignificantlyLow);
        Assert.False(findings[1].SignificantlyLow);
        Assert.True(findings[2].AdjustedPValue < LowRateTest.Alpha);
    }

    [Fact]
    public void A_small_group_that_is_low_by_chance_is_not_flagged()
    {
        // Group D expects 1 complaint and has none: P(X = 0) = e^-1 ≈ 0.37, nowhere near significant.
        var findings = LowRateTest.Assess([new RateGroup("Big", 999, 99_900), new RateGroup("D", 0, 100)]);

        Assert.Equal(0.0, findings[1].RatePerThousand);
        Assert.False(findings[1].SignificantlyLow);
    }

    [Fact]
    public void A_group_with_nobody_served_has_no_rate_and_is_not_flagged()
    {
        var findings = LowRateTest.Assess([new RateGroup("A", 10, 1_000), new RateGroup("Unknown", 3, 0)]);

        Assert.Null(findings[1].RatePerThousand);
        Assert.Null(findings[1].PValue);
        Assert.False(findings[1].SignificantlyLow);
    }
}
