using Heard.Application.Data;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Records;

/// <summary>Compliments and feedback over a period, counted in SQL the way complaints are: by theme, and scores by audience.</summary>
public sealed record RecordSummary(
    DateOnly From,
    DateOnly To,
    int Compliments,
    IReadOnlyList<(string Theme, int Count)> ComplimentThemes,
    int FeedbackResponses,
    double? ChildrensAverage,
    double? AdultsAverage,
    double? PercentPositive);

public sealed class RecordSummaries(HeardDbContext db)
{
    public async Task<RecordSummary> ForPeriodAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var compliments = db.Cases.Where(c => c.Type == CaseType.Compliment && c.ReceivedOn >= from && c.ReceivedOn <= to);
        var themes = await compliments
            .Join(db.ComplimentThemes, c => c.Id, t => t.CaseId, (c, t) => t.ThemeCode)
            .Join(db.Themes, code => code, t => t.Code, (code, t) => t.Name)
            .GroupBy(name => name)
            .Select(g => new { Theme = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Theme)
            .Take(5)
            .ToListAsync(cancellationToken);
        var feedback = db.FeedbackResponses.Where(r => r.GivenOn >= from && r.GivenOn <= to && r.Score != null);
        var scores = await feedback
            .GroupBy(r => r.Audience)
            .Select(g => new { Audience = g.Key, Count = g.Count(), Average = g.Average(r => (double)r.Score!.Value), Positive = g.Count(r => r.Score >= 4) })
            .ToListAsync(cancellationToken);
        var total = scores.Sum(s => s.Count);
        return new RecordSummary(
            from,
            to,
            await compliments.CountAsync(cancellationToken),
            themes.Select(t => (t.Theme, t.Count)).ToList(),
            total,
            scores.FirstOrDefault(s => s.Audience == Audience.Child)?.Average,
            scores.FirstOrDefault(s => s.Audience == Audience.Adult)?.Average,
            total == 0 ? null : 100.0 * scores.Sum(s => s.Positive) / total);
    }
}
