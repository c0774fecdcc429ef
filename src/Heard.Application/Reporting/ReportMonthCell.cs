using Heard.Application.Data;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Heard.Application.Reporting;

/// <summary>
/// The report facts summed by calendar month and by everything the board report breaks a figure down by: one row
/// per (month, kind, audience, area, law type, stage withdrawn from). A financial year is then about three thousand
/// rows to add up instead of a hundred thousand facts. The measures are those that do not depend on the day the
/// report is read: a deadline still open becomes late with the passing days, so open deadlines are counted from the
/// facts at report time (<see cref="BoardReport"/>). Kept by the same save that rewrites the facts, as differences
/// (old fact out, new fact in) added to the row in the database, so concurrent saves add up rather than overwrite.
/// The key has no nulls (a missing area is <see cref="Guid.Empty"/>, a missing law type or stage the empty string)
/// so that "the same cell" means the same row on both databases.
/// </summary>
public class ReportMonthCell
{
    /// <summary>The first day of the month the cases were received in.</summary>
    public DateOnly Month { get; set; }

    public CaseType Type { get; set; }
    public Audience Audience { get; set; }
    public Guid ServiceAreaId { get; set; }
    public required string LawType { get; set; }
    public required string WithdrawnFrom { get; set; }

    public int Count { get; set; }
    public int Premature { get; set; }
    public int Withdrawn { get; set; }
    public int AcknowledgementOnTime { get; set; }

    /// <summary>Acknowledgements sent after their day (one still unsent is counted at report time).</summary>
    public int AcknowledgementSentLate { get; set; }

    public int ResponseOnTime { get; set; }

    /// <summary>Responses sent after their day (one still unsent is counted at report time).</summary>
    public int ResponseSentLate { get; set; }

    public int Decided { get; set; }
    public int Upheld { get; set; }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}

/// <summary>Keeps <see cref="ReportMonthCell"/> rows: the differences one save makes, and a rebuild from the facts.</summary>
public static class ReportMonthCells
{
    private static readonly string[] KeyColumns = [nameof(ReportMonthCell.Month), nameof(ReportMonthCell.Type), nameof(ReportMonthCell.Audience), nameof(ReportMonthCell.ServiceAreaId), nameof(ReportMonthCell.LawType), nameof(ReportMonthCell.WithdrawnFrom)];

    /// <summary>The cell a fact counts in, and what it adds there.</summary>
    internal static ReportMonthCell CellOf(ReportFact fact)
    {
        var premature = ReportDefinitions.PrematureStates;
        return new ReportMonthCell
        {
            Month = ReportMonthCell.MonthOf(fact.ReceivedOn),
            Type = fact.Type,
            Audience = fact.Audience,
            ServiceAreaId = fact.ServiceAreaId ?? Guid.Empty,
            LawType = fact.LawType?.ToString() ?? string.Empty,
            WithdrawnFrom = fact.WithdrawnFrom ?? string.Empty,
            Count = 1,
            Premature = premature.Contains(fact.State) ? 1 : 0,
            Withdrawn = fact.State == ComplaintStates.Withdrawn ? 1 : 0,
            AcknowledgementOnTime = fact.AcknowledgementMetOn is { } ackMet && ackMet <= fact.AcknowledgementDueOn ? 1 : 0,
            AcknowledgementSentLate = fact.AcknowledgementMetOn is { } ackLate && ackLate > fact.AcknowledgementDueOn ? 1 : 0,
            ResponseOnTime = fact.ResponseMetOn is { } met && met <= fact.ResponseDueOn ? 1 : 0,
            ResponseSentLate = fact.ResponseMetOn is { } late && late > fact.ResponseDueOn ? 1 : 0,
            Decided = fact.Decided ? 1 : 0,
            Upheld = fact.Upheld ? 1 : 0,
        };
    }

    /// <summary>
    /// Adds the difference between the facts before and after one save to the cells, one upsert per cell that
    /// changes, in key order (so two saves touching the same cells lock them in the same order on PostgreSQL).
    /// </summary>
    internal static async Task ApplyAsync(HeardDbContext db, IEnumerable<ReportFact> before, IEnumerable<ReportFact> after, CancellationToken cancellationToken)
    {
        var deltas = new SortedDictionary<string, ReportMonthCell>(StringComparer.Ordinal);
        void Add(ReportFact fact, int sign)
        {
            var cell = CellOf(fact);
            var key = string.Join('|', cell.Month.DayNumber, cell.Type, cell.Audience, cell.ServiceAreaId, cell.LawType, cell.WithdrawnFrom);
            if (!deltas.TryGetValue(key, out var sum))
            {
                sum = new ReportMonthCell { Month = cell.Month, Type = cell.Type, Audience = cell.Audience, ServiceAreaId = cell.ServiceAreaId, LawType = cell.LawType, WithdrawnFrom = cell.WithdrawnFrom };
                deltas[key] = sum;
            }

            sum.Count += sign * cell.Count;
            sum.Premature += sign * cell.Premature;
            sum.Withdrawn += sign * cell.Withdrawn;
            sum.AcknowledgementOnTime += sign * cell.AcknowledgementOnTime;
            sum.AcknowledgementSentLate += sign * cell.AcknowledgementSentLate;
            sum.ResponseOnTime += sign * cell.ResponseOnTime;
            sum.ResponseSentLate += sign * cell.ResponseSentLate;
            sum.Decided += sign * cell.Decided;
            sum.Upheld += sign * cell.Upheld;
        }

        foreach (var fact in before)
        {
            Add(fact, -1);
        }

        foreach (var fact in after)
        {
            Add(fact, +1);
        }

        var changed = deltas.Values.Where(d => d.Count != 0 || d.Premature != 0 || d.Withdrawn != 0 || d.AcknowledgementOnTime != 0
            || d.AcknowledgementSentLate != 0 || d.ResponseOnTime != 0 || d.ResponseSentLate != 0 || d.Decided != 0 || d.Upheld != 0).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(ReportMonthCell))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        var properties = entityType.GetProperties().ToList();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var text = $"INSERT INTO {name} ({string.Join(", ", properties.Select(Column))}) VALUES ({string.Join(", ", properties.Select((_, i) => "@c" + i))}) "
            + $"ON CONFLICT ({string.Join(", ", KeyColumns.Select(k => Column(entityType.FindProperty(k)!)))}) DO UPDATE SET "
            + string.Join(", ", properties.Where(p => !KeyColumns.Contains(p.Name)).Select(p => $"{Column(p)} = {name}.{Column(p)} + excluded.{Column(p)}"));

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var cell in changed)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            for (var i = 0; i < properties.Count; i++)
            {
                var mapping = (RelationalTypeMapping)properties[i].GetTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, "@c" + i, properties[i].PropertyInfo!.GetValue(cell), nullable: false));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Throws the cells away and sums them again from the facts (after facts were written in bulk, or when the cells disagree with the facts).</summary>
    public static async Task<int> RebuildAsync(HeardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cells = await SumAsync(db.ReportFacts.AsNoTracking(), cancellationToken);
        var rows = new Demo.BulkRows<ReportMonthCell>(db);
        cells.ForEach(rows.Add);
        await db.ReportMonthCells.ExecuteDeleteAsync(cancellationToken);
        await rows.FlushAsync(cancellationToken);
        return cells.Count;
    }

    /// <summary>
    /// <paramref name="facts"/> summed into month cells in the database: what the saves keep, computed afresh (for a
    /// rebuild, and for the days of a month a report period covers only in part).
    /// </summary>
    internal static async Task<List<ReportMonthCell>> SumAsync(IQueryable<ReportFact> facts, CancellationToken cancellationToken)
    {
        var premature = ReportDefinitions.PrematureStates.ToArray();
        var sums = await facts
            .GroupBy(f => new { f.ReceivedOn.Year, f.ReceivedOn.Month, f.Type, f.Audience, f.ServiceAreaId, f.LawType, f.WithdrawnFrom })
            .Select(g => new
            {
                g.Key,
                Count = g.Count(),
                Premature = g.Sum(f => premature.Contains(f.State) ? 1 : 0),
                Withdrawn = g.Sum(f => f.State == ComplaintStates.Withdrawn ? 1 : 0),
                AcknowledgementOnTime = g.Sum(f => f.AcknowledgementMetOn != null && f.AcknowledgementMetOn <= f.AcknowledgementDueOn ? 1 : 0),
                AcknowledgementSentLate = g.Sum(f => f.AcknowledgementMetOn != null && f.AcknowledgementMetOn > f.AcknowledgementDueOn ? 1 : 0),
                ResponseOnTime = g.Sum(f => f.ResponseMetOn != null && f.ResponseMetOn <= f.ResponseDueOn ? 1 : 0),
                ResponseSentLate = g.Sum(f => f.ResponseMetOn != null && f.ResponseMetOn > f.ResponseDueOn ? 1 : 0),
                Decided = g.Sum(f => f.Decided ? 1 : 0),
                Upheld = g.Sum(f => f.Upheld ? 1 : 0),
            })
            .ToListAsync(cancellationToken);

        // Facts without an area, law type or stage share the cell of the empty key; add them up.
        return sums
            .GroupBy(s => (Month: new DateOnly(s.Key.Year, s.Key.Month, 1), s.Key.Type, s.Key.Audience, Area: s.Key.ServiceAreaId ?? Guid.Empty, Law: s.Key.LawType?.ToString() ?? string.Empty, Stage: s.Key.WithdrawnFrom ?? string.Empty))
            .Select(g => new ReportMonthCell
            {
                Month = g.Key.Month,
                Type = g.Key.Type,
                Audience = g.Key.Audience,
                ServiceAreaId = g.Key.Area,
                LawType = g.Key.Law,
                WithdrawnFrom = g.Key.Stage,
                Count = g.Sum(s => s.Count),
                Premature = g.Sum(s => s.Premature),
                Withdrawn = g.Sum(s => s.Withdrawn),
                AcknowledgementOnTime = g.Sum(s => s.AcknowledgementOnTime),
                AcknowledgementSentLate = g.Sum(s => s.AcknowledgementSentLate),
                ResponseOnTime = g.Sum(s => s.ResponseOnTime),
                ResponseSentLate = g.Sum(s => s.ResponseSentLate),
                Decided = g.Sum(s => s.Decided),
                Upheld = g.Sum(s => s.Upheld),
            })
            .ToList();
    }
}
