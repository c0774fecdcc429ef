using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Demo;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Reporting;

/// <summary>
/// One narrow row per case holding exactly what the board report counts: when it was received, what it is, where
/// it belongs, its state, its acknowledgement and response deadlines, whether an issue was decided or upheld and
/// the stage a withdrawn complaint was withdrawn from. It is derived, never edited: <see cref="HeardDbContext"/>
/// rewrites a case's row in the same transaction as any change to the case, its deadlines, its issues or a
/// withdrawal, and <see cref="ReportFacts.EnsureAsync"/> fills the rows of cases written around
/// <c>SaveChanges</c> (the demo's bulk load, a migration). The report then reads one table of narrow rows, by a
/// covering index, instead of joining cases to deadlines and issues at every request.
/// </summary>
public class ReportFact
{
    public Guid CaseId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public CaseType Type { get; set; }
    public Audience Audience { get; set; }
    public Guid? ServiceAreaId { get; set; }
    public LawType? LawType { get; set; }
    public required string State { get; set; }

    /// <summary>The state a withdrawn case was last withdrawn from; null unless the case is withdrawn now.</summary>
    public string? WithdrawnFrom { get; set; }

    public DateOnly? AcknowledgementDueOn { get; set; }
    public DateOnly? AcknowledgementMetOn { get; set; }
    public DateOnly? ResponseStartsOn { get; set; }
    public DateOnly? ResponseDueOn { get; set; }
    public DateOnly? ResponseMetOn { get; set; }

    /// <summary>At least one issue has a finding (upheld, partly upheld or not upheld).</summary>
    public bool Decided { get; set; }

    /// <summary>At least one issue is upheld or partly upheld.</summary>
    public bool Upheld { get; set; }

    internal ReportFact Copy() => (ReportFact)MemberwiseClone();
}

/// <summary>
/// One row per themed issue of a complaint, with the day the complaint was received, so the report's top themes
/// come from a range scan rather than a join from every complaint of the period to its issues. Derived like
/// <see cref="ReportFact"/>.
/// </summary>
public class ReportThemeFact
{
    public Guid CaseId { get; set; }
    public int IssueNumber { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public required string ThemeCode { get; set; }
}

/// <summary>Writes <see cref="ReportFact"/> and <see cref="ReportThemeFact"/> rows from the cases they describe.</summary>
public static class ReportFacts
{
    private const int Batch = 2000;

    /// <summary>
    /// The facts of <paramref name="caseIds"/> as the database holds them before a save, read fresh (not from the
    /// change tracker). On PostgreSQL the rows are locked until the save commits, so two saves touching the same case
    /// take turns and the second sees the first's facts as "before": the month cells then add up exactly.
    /// </summary>
    internal static async Task<Dictionary<Guid, ReportFact>> LockAsync(HeardDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        var before = new Dictionary<Guid, ReportFact>();
        foreach (var chunk in caseIds.Order().Chunk(Batch))
        {
            var query = db.IsPostgres
                ? db.ReportFacts.FromSql($"SELECT * FROM \"ReportFacts\" WHERE \"CaseId\" = ANY({chunk}) ORDER BY \"CaseId\" FOR UPDATE")
                : db.ReportFacts.Where(f => chunk.Contains(f.CaseId));
            foreach (var fact in await query.AsNoTracking().ToListAsync(cancellationToken))
            {
                before[fact.CaseId] = fact;
            }
        }

        return before;
    }

    /// <summary>
    /// Computes the facts of <paramref name="caseIds"/> as the database holds them now, stages them on
    /// <paramref name="db"/> (added or changed; the caller saves) and adds the difference from
    /// <paramref name="before"/> to the month cells.
    /// </summary>
    internal static async Task StageAsync(HeardDbContext db, IReadOnlyCollection<Guid> caseIds, Dictionary<Guid, ReportFact> before, CancellationToken cancellationToken)
    {
        var after = new List<ReportFact>();
        foreach (var chunk in caseIds.Chunk(Batch))
        {
            var (facts, themes) = await ComputeAsync(db, chunk, cancellationToken);
            var existingThemes = await db.ReportThemeFacts.Where(t => chunk.Contains(t.CaseId)).ToDictionaryAsync(t => (t.CaseId, t.IssueNumber), cancellationToken);
            foreach (var theme in themes)
            {
                if (existingThemes.Remove((theme.CaseId, theme.IssueNumber), out var row))
                {
                    db.Entry(row).CurrentValues.SetValues(theme);
                }
                else
                {
                    db.ReportThemeFacts.Add(theme);
                }
            }

            db.ReportThemeFacts.RemoveRange(existingThemes.Values);
            var ids = chunk.ToHashSet();
            var tracked = db.ChangeTracker.Entries<ReportFact>().Where(e => ids.Contains(e.Entity.CaseId)).ToDictionary(e => e.Entity.CaseId);
            foreach (var fact in facts)
            {
                after.Add(fact);
                if (before.TryGetValue(fact.CaseId, out var old))
                {
                    // Compare with the row as the database holds it, not as this context last saw it.
                    var entry = tracked.GetValueOrDefault(fact.CaseId) ?? db.ReportFacts.Attach(old.Copy());
                    entry.OriginalValues.SetValues(old);
                    entry.CurrentValues.SetValues(fact);
                }
                else
                {
                    if (tracked.TryGetValue(fact.CaseId, out var stale))
                    {
                        stale.State = EntityState.Detached;
                    }

                    db.ReportFacts.Add(fact);
                }
            }

            // A case that no longer exists has no facts: the foreign key removed them with it.
            foreach (var id in ids.Where(id => before.ContainsKey(id) && !facts.Exists(f => f.CaseId == id)))
            {
                if (tracked.TryGetValue(id, out var gone))
                {
                    gone.State = EntityState.Detached;
                }
            }
        }

        await ReportMonthCells.ApplyAsync(db, before.Values, after, cancellationToken);
    }

    /// <summary>
    /// Writes the facts of every case that has none (a new database after migration, the demo's bulk load, a
    /// benchmark's generated rows), in batches. Returns how many rows it wrote.
    /// </summary>
    public static async Task<int> EnsureAsync(HeardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Facts exist only for cases (the key is the case's, deletes cascade), so equal counts mean none is
        // missing: at start-up that is two index counts, not a search for cases without facts.
        var factCount = await db.ReportFacts.CountAsync(cancellationToken);
        if (await db.Cases.CountAsync(cancellationToken) == factCount)
        {
            // The month cells hold one count per fact: if they disagree (a database from before the cells, a write
            // around SaveChanges), they are summed again from the facts.
            if (await db.ReportMonthCells.SumAsync(c => (long)c.Count, cancellationToken) != factCount)
            {
                await ReportMonthCells.RebuildAsync(db, cancellationToken);
            }

            return 0;
        }

        var written = 0;
        while (true)
        {
            var missing = await db.Cases.AsNoTracking()
                .Where(c => !db.ReportFacts.Any(f => f.CaseId == c.Id))
                .OrderBy(c => c.Id)
                .Select(c => c.Id)
                .Take(Batch * 10)
                .ToListAsync(cancellationToken);
            if (missing.Count == 0)
            {
                await ReportMonthCells.RebuildAsync(db, cancellationToken);
                return written;
            }

            var rows = new BulkRows<ReportFact>(db);
            var themeRows = new BulkRows<ReportThemeFact>(db);
            foreach (var chunk in missing.Chunk(Batch))
            {
                var (facts, themes) = await ComputeAsync(db, chunk, cancellationToken);
                facts.ForEach(rows.Add);
                themes.ForEach(themeRows.Add);
            }

            // Themes first: a case has its facts row only once everything about it is written, so a run stopped
            // half-way leaves the case "missing" and the next run writes it whole (its stale theme rows go first).
            await db.ReportThemeFacts.Where(t => missing.Contains(t.CaseId)).ExecuteDeleteAsync(cancellationToken);
            await themeRows.FlushAsync(cancellationToken);
            await rows.FlushAsync(cancellationToken);
            written += missing.Count;
        }
    }

    /// <summary>Throws every fact away and writes them again from the cases, and the month cells from the facts (after a bulk load that wrote histories around <c>SaveChanges</c>).</summary>
    public static async Task<int> RebuildAsync(HeardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ReportThemeFacts.ExecuteDeleteAsync(cancellationToken);
        await db.ReportFacts.ExecuteDeleteAsync(cancellationToken);
        return await EnsureAsync(db, cancellationToken);
    }

    private static async Task<(List<ReportFact> Facts, List<ReportThemeFact> Themes)> ComputeAsync(HeardDbContext db, Guid[] ids, CancellationToken cancellationToken)
    {
        var themes = await db.ComplaintIssues.AsNoTracking()
            .Where(i => ids.Contains(i.CaseId) && i.ThemeCode != null)
            .Join(db.Cases.Where(c => c.Type == CaseType.Complaint), i => i.CaseId, c => c.Id, (i, c) => new ReportThemeFact
            {
                CaseId = i.CaseId,
                IssueNumber = i.Number,
                ReceivedOn = c.ReceivedOn,
                ThemeCode = i.ThemeCode!,
            })
            .ToListAsync(cancellationToken);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.ReceivedOn,
                c.Type,
                c.Audience,
                c.ServiceAreaId,
                c.LawType,
                c.State,
                Decided = c.Issues.Any(i => i.Finding == Finding.Upheld || i.Finding == Finding.PartlyUpheld || i.Finding == Finding.NotUpheld),
                Upheld = c.Issues.Any(i => i.Finding == Finding.Upheld || i.Finding == Finding.PartlyUpheld),
            })
            .ToListAsync(cancellationToken);
        var deadlines = (await db.CaseDeadlines.AsNoTracking()
                .Where(d => ids.Contains(d.CaseId) && (d.Kind == DeadlineKinds.Acknowledgement || d.Kind == DeadlineKinds.Response))
                .Select(d => new { d.CaseId, d.Kind, d.StartsOn, d.DueOn, d.MetOn })
                .ToListAsync(cancellationToken))
            .ToDictionary(d => (d.CaseId, d.Kind));
        var withdrawals = (await db.CaseEvents.AsNoTracking()
                .Where(e => ids.Contains(e.CaseId) && e.ToState == ComplaintStates.Withdrawn)
                .Select(e => new { e.CaseId, e.Id, e.FromState })
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.CaseId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.FromState);

        var facts = cases.Select(c =>
        {
            var ack = deadlines.GetValueOrDefault((c.Id, DeadlineKinds.Acknowledgement));
            var response = deadlines.GetValueOrDefault((c.Id, DeadlineKinds.Response));
            return new ReportFact
            {
                CaseId = c.Id,
                ReceivedOn = c.ReceivedOn,
                Type = c.Type,
                Audience = c.Audience,
                ServiceAreaId = c.ServiceAreaId,
                LawType = c.LawType,
                State = c.State,
                WithdrawnFrom = c.State == ComplaintStates.Withdrawn ? withdrawals.GetValueOrDefault(c.Id) : null,
                AcknowledgementDueOn = ack?.DueOn,
                AcknowledgementMetOn = ack?.MetOn,
                ResponseStartsOn = response?.StartsOn,
                ResponseDueOn = response?.DueOn,
                ResponseMetOn = response?.MetOn,
                Decided = c.Decided,
                Upheld = c.Upheld,
            };
        }).ToList();
        return (facts, themes);
    }
}
