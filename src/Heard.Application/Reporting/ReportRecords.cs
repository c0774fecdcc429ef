using Heard.Application.Access;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Heard.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Reporting;

/// <summary>Which records a figure stands for: the figure, the period, and optionally one area or law type.</summary>
public sealed record RecordsQuery(string Figure, DateOnly From, DateOnly To, Guid? ServiceAreaId = null, LawType? LawType = null);

public sealed record ReportRecordRow(Guid Id, string Reference, CaseType Type, Audience Audience, DateOnly ReceivedOn, string State, string? Area);

/// <summary>What the records link answers: a refusal, the definition alone (board readers, anonymous feedback), or the records the viewer may see.</summary>
public sealed record ReportRecordsResult(
    ReportFigure? Figure,
    string? Problem,
    bool DefinitionOnly,
    int Total,
    IReadOnlyList<ReportRecordRow> Rows)
{
    public const int PageSize = 200;
}

/// <summary>
/// The records behind a figure, always through <see cref="CaseAccess.Visible"/>: a service manager sees only their
/// area's records, the children's complaints manager alone sees children's complaints, and a board reader (who
/// works with no cases) gets the figure's definition and no records at all.
/// </summary>
public sealed class ReportRecords(HeardDbContext db, CaseAccess access, TimeProvider clock)
{
    public async Task<ReportRecordsResult> FindAsync(Viewer viewer, RecordsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(query);
        var figure = ReportFigures.Find(query.Figure);
        if (figure is null)
        {
            return new ReportRecordsResult(null, "There is no such figure on the report.", false, 0, []);
        }

        if (ReportPeriod.Problem(query.From, query.To) is { } problem)
        {
            return new ReportRecordsResult(figure, problem, false, 0, []);
        }

        if (!figure.HasRecords || !CaseAccessRules.WorksWithCases(viewer))
        {
            return new ReportRecordsResult(figure, null, true, 0, []);
        }

        var from = query.From;
        var to = query.To;
        var cases = access.Visible(viewer).AsNoTracking()
            .Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Where(ReportFigures.Filter(db, figure.Code, UkTime.Today(clock)));
        if (query.ServiceAreaId is { } area)
        {
            cases = cases.Where(c => c.ServiceAreaId == area);
        }

        if (query.LawType is { } law)
        {
            cases = cases.Where(c => c.LawType == law);
        }

        var total = await cases.CountAsync(cancellationToken);
        var rows = await cases
            .OrderBy(c => c.ReceivedOn).ThenBy(c => c.Reference)
            .Take(ReportRecordsResult.PageSize)
            .Select(c => new ReportRecordRow(
                c.Id,
                c.Reference,
                c.Type,
                c.Audience,
                c.ReceivedOn,
                c.State,
                db.ServiceAreas.Where(a => a.Id == c.ServiceAreaId).Select(a => a.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new ReportRecordsResult(figure, null, false, total, rows);
    }

    public static string DescribeState(ReportRecordRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Type == CaseType.Complaint ? ComplaintStates.Describe(row.State) : row.State;
    }
}
