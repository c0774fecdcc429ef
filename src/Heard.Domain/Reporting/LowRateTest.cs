namespace Heard.Domain.Reporting;

/// <summary>One group's count of events (complaints) against its exposure (people or cases served).</summary>
public sealed record RateGroup(string Name, long Count, long Exposure);

/// <summary>A group's rate per 1,000 and whether it is significantly below the overall rate.</summary>
public sealed record RateFinding(string Name, long Count, long Exposure, double? RatePerThousand, double? PValue, double? AdjustedPValue, bool SignificantlyLow);

/// <summary>
/// "Who is not complaining": each group's complaints per 1,000 served, compared with the overall rate of all the
/// groups together. The test is a one-sided exact Poisson test: under the null hypothesis a group's count is
/// Poisson with mean (its exposure × the overall rate), and the p-value is P(X ≤ observed). The p-values of the
/// groups in one table are adjusted with Holm's step-down method (family-wise error at <see cref="Alpha"/>), so
/// a table of 19 areas does not flag one by chance. A group with no exposure has no rate and is never flagged.
/// </summary>
public static class LowRateTest
{
    public const double Alpha = 0.05;

    public const string Description =
        "A group is flagged as significantly low when a one-sided exact Poisson test of its count against its " +
        "expected count (its number served × the overall rate) gives p < 0.05 after Holm's correction for the " +
        "number of groups in the table.";

    public static IReadOnlyList<RateFinding> Assess(IReadOnlyList<RateGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var totalCount = groups.Sum(g => g.Count);
        var totalExposure = groups.Sum(g => g.Exposure);
        var overall = totalExposure > 0 ? (double)totalCount / totalExposure : 0;

        var p = new double?[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            if (g.Count < 0 || g.Exposure < 0)
            {
                throw new ArgumentException($"Group \u201C{g.Name}\u201D has a negative count or exposure.", nameof(groups));
            }

            p[i] = g.Exposure > 0 && overall > 0 ? PoissonLowerTail(g.Count, g.Exposure * overall) : null;
        }

        var adjusted = Holm(p);
        return groups.Select((g, i) => new RateFinding(
            g.Name,
            g.Count,
            g.Exposure,
            g.Exposure > 0 ? 1000.0 * g.Count / g.Exposure : null,
            p[i],
            adjusted[i],
            adjusted[i] is { } a && a < Alpha)).ToList();
    }

    /// <summary>P(X ≤ k) for X ~ Poisson(mean), summed in log space so large means do not underflow.</summary>
    public static double PoissonLowerTail(long k, double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        if (mean == 0)
        {
            return 1;
        }

        // log of each term: -mean + i ln(mean) - ln(i!); sum with the log-sum-exp trick.
        var logMean = Math.Log(mean);
        var logTerm = -mean; // i = 0
        var max = logTerm;
        var terms = new double[k + 1];
        terms[0] = logTerm;
        for (long i = 1; i <= k; i++)
        {
            logTerm += logMean - Math.Log(i);
            terms[i] = logTerm;
            max = Math.Max(max, logTerm);
        }

        var sum = 0.0;
        foreach (var t in terms)
        {
            sum += Math.Exp(t - max);
        }

        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    /// <summary>Holm's step-down adjustment; groups without a p-value are left out of the family.</summary>
    public static double?[] Holm(IReadOnlyList<double?> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var present = pValues.Select((p, i) => (p, i)).Where(x => x.p is not null).OrderBy(x => x.p).ToList();
        var adjusted = new double?[pValues.Count];
        var m = present.Count;
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var value = Math.Min(1, (m - rank) * present[rank].p!.Value);
            running = Math.Max(running, value);
            adjusted[present[rank].i] = running;
        }

        return adjusted;
    }
}
