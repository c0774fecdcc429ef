using System.Globalization;

namespace Heard.Domain.Reporting;

/// <summary>Why a figure is not shown.</summary>
public enum Suppression
{
    /// <summary>Shown.</summary>
    None = 0,

    /// <summary>1 to 4: too few people to show without risking that someone is recognised.</summary>
    Primary = 1,

    /// <summary>Could be shown, but is withheld so that a primary-suppressed figure cannot be worked out by subtraction.</summary>
    Secondary = 2,
}

/// <summary>
/// A count as published: the number, or nothing at all when it is suppressed (the count is dropped, so no page or
/// export can print it by mistake).
/// </summary>
public sealed record PublishedCount(long? Count, Suppression Suppression)
{
    public bool Shown => Suppression == Suppression.None;

    public string Display => Suppression switch
    {
        Suppression.Primary => SmallNumbers.FewerThanFive,
        Suppression.Secondary => SmallNumbers.Withheld,
        _ => Count!.Value.ToString("N0", CultureInfo.GetCultureInfo("en-GB")),
    };

    /// <summary>This count as a share of <paramref name="total"/>, or null when either is not shown or the total is 0.</summary>
    public double? ShareOf(PublishedCount total)
    {
        ArgumentNullException.ThrowIfNull(total);
        return Shown && total.Shown && total.Count > 0 ? (double)Count!.Value / total.Count!.Value : null;
    }
}

/// <summary>A row of counts that add up to a total, after suppression.</summary>
public sealed record PublishedCounts(IReadOnlyList<PublishedCount> Cells, PublishedCount Total);

/// <summary>
/// Small-number suppression for published tables of people (equality monitoring, complaints by group). Primary:
/// a count from 1 to 4 is shown as "fewer than 5" (0 is shown: it identifies nobody). Secondary: when a table's
/// suppressed counts could be worked out from its total and the other counts — that is, when only one count is
/// suppressed, or the suppressed counts add up to fewer than 5 — the smallest shown counts (non-zero first) are
/// withheld too until neither is true. A total from 1 to 4 is itself suppressed. This follows the Government
/// Statistical Service's guidance on disclosure control for tables of counts.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 5;
    public const string FewerThanFive = "fewer than 5";
    public const string Withheld = "withheld";

    public const string Description =
        "Counts from 1 to 4 are shown as \u201Cfewer than 5\u201D. Where one of those could be worked out from the " +
        "total and the other counts, the next smallest counts are \u201Cwithheld\u201D too. Proportions and rates " +
        "of suppressed counts are not shown.";

    public static bool IsSmall(long count) => count is > 0 and < Threshold;

    /// <summary>Suppresses a row of counts whose total is their sum.</summary>
    public static PublishedCounts Apply(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Any(c => c < 0))
        {
            throw new ArgumentException("Counts cannot be negative.", nameof(counts));
        }

        var kinds = counts.Select(c => IsSmall(c) ? Suppression.Primary : Suppression.None).ToArray();
        while (NeedsMore(counts, kinds))
        {
            var next = Enumerable.Range(0, counts.Count)
                .Where(i => kinds[i] == Suppression.None)
                .OrderBy(i => counts[i] == 0 ? 1 : 0) // a hidden 0 protects nothing; take non-zero counts first
                .ThenBy(i => counts[i])
                .ThenBy(i => i)
                .Select(i => (int?)i)
                .FirstOrDefault();
            if (next is null)
            {
                break;
            }

            kinds[next.Value] = Suppression.Secondary;
        }

        var total = counts.Sum();
        return new PublishedCounts(
            counts.Select((c, i) => Publish(c, kinds[i])).ToList(),
            Publish(total, IsSmall(total) ? Suppression.Primary : Suppression.None));
    }

    /// <summary>A single count on its own (no total to protect): suppressed when from 1 to 4.</summary>
    public static PublishedCount One(long count) => Publish(count, IsSmall(count) ? Suppression.Primary : Suppression.None);

    private static bool NeedsMore(IReadOnlyList<long> counts, Suppression[] kinds)
    {
        var hidden = Enumerable.Range(0, counts.Count).Where(i => kinds[i] != Suppression.None).ToList();
        if (hidden.Count == 0)
        {
            return false;
        }

        var hiddenSum = hidden.Sum(i => counts[i]);
        return hidden.Count == 1 || IsSmall(hiddenSum);
    }

    private static PublishedCount Publish(long count, Suppression kind) => new(kind == Suppression.None ? count : null, kind);
}
