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

    /// <summary>Adds <paramref name="sign"/> times the measures of <paramref name="other"/> (a cell of the same key) to this cell's.</summary>
    internal void Add(ReportMonthCell other, int sign = 1)
    {
        Count += sign * other.Count;
        Premature += sign * other.Premature;
        Withdrawn += sign * other.Withdrawn;
        AcknowledgementOnTime += sign * other.AcknowledgementOnTime;
        AcknowledgementSentLate += sign * other.AcknowledgementSentLate;
        ResponseOnTime += sign * other.ResponseOnTime;
        ResponseSentLate += sign * other.ResponseSentLate;
        Decided += sign * other.Decided;
        Upheld += sign * other.Upheld;
    }

    internal bool IsZero => Count == 0 && Premature == 0 && Withdrawn == 0 && AcknowledgementOnTime == 0 && AcknowledgementSentLate == 0
        && ResponseOnTime == 0 && ResponseSentLate == 0 && Decided == 0 && Upheld == 0;
}

/// <summary>Keeps <see cref="ReportMonthCell"/> rows: the differences one save makes, and a rebuild from the facts.</summary>
public static class ReportMonthCells
{
    private static readonly string[] KeyColumns = [nameof(ReportMonthCell.Month), nameof(ReportMonthCell.Type), nameof(ReportMonthCell.Audience), nameof(ReportMonthCell.ServiceAreaId), nameof(ReportMonthCell.LawType), nameof(ReportMonthCell.WithdrawnFrom)];

    /// <summary>
    /// Adds <paramref name="sign"/> times <paramref name="cell"/> to the cell of the same key in <paramref name="sums"/>
    /// (made, with no counts, on first use). The key is ordinal text, so every process orders cells the same way.
    /// </summary>
    private static void Accumulate(IDictionary<string, ReportMonthCell> sums, ReportMonthCell cell, int sign)
    {
        var key = string.Join('|', cell.Month.DayNumber, cell.Type, cell.Audience, cell.ServiceAreaId, cell.LawType, cell.WithdrawnFrom);
        if (!sums.TryGetValue(key, out var sum))
        {
            sum = new ReportMonthCell { Month = cell.Month, Type = cell.Type, Audience = cell.Audience, ServiceAreaId = cell.ServiceAreaId, LawType = cell.LawType, WithdrawnFrom = cell.WithdrawnFrom };
            sums[key] = sum;
        }

        sum.Add(cell, sign);
    }

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
        foreach (var fact in before)
        {
            Accumulate(deltas, CellOf(fact), -1);
        }

        foreach (var fact in after)
        {
            Accumulate(deltas, CellOf(fact), +1);
        }

        var changed = deltas.Values.Where(d => !d.IsZero).ToList();
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
        var cells = new Dictionary<string, ReportMonthCell>(StringComparer.Ordinal);
        foreach (var sum in sums)
        {
            Accumulate(cells, new ReportMonthCell
            {
                Month = new DateOnly(sum.Key.Year, sum.Key.Month, 1),
                Type = sum.Key.Type,
                Audience = sum.Key.Audience,
                ServiceAreaId = sum.Key.ServiceAreaId ?? Guid.Empty,
                LawType = sum.Key.LawType?.ToString() ?? string.Empty,
                WithdrawnFrom = sum.Key.WithdrawnFrom ?? string.Empty,
                Count = sum.Count,
                Premature = sum.Premature,
                Withdrawn = sum.Withdrawn,
                AcknowledgementOnTime = sum.AcknowledgementOnTime,
                AcknowledgementSentLate = sum.AcknowledgementSentLate,
                ResponseOnTime = sum.ResponseOnTime,
                ResponseSentLate = sum.ResponseSentLate,
                Decided = sum.Decided,
                Upheld = sum.Upheld,
            }, +1);
        }

        return [.. cells.Values];
    }
}
