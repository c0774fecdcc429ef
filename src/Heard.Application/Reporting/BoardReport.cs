using Heard.Application.Calendar;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Procedure;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Heard.Domain.Records;
using Heard.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Heard.Application.Reporting;

/// <summary>
/// The board's performance report (PRODUCT.md "What the board sees"): every figure for a period and for the same
/// period a year earlier. Each figure is computed in the database by a handful of grouped queries with conditional
/// sums (a small cube per record kind); only the cubes come back, never the records. Medians come from a
/// histogram grouped by (clock start, day sent), turned into working days with the calendar in force.
/// </summary>
public sealed class BoardReport(HeardDbContext db, CalendarStore calendars, TimeProvider clock, IConfiguration configuration)
{
    public RagThresholds Thresholds => new(
        configuration.GetValue("Heard:Reports:Rag:Green", RagThresholds.Default.Green),
        configuration.GetValue("Heard:Reports:Rag:Amber", RagThresholds.Default.Amber));

    public async Task<BoardReportResult> BuildAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var asOf = UkTime.Today(clock);
        var current = await FiguresAsync(period, asOf, cancellationToken);
        var earlier = await FiguresAsync(period.YearEarlier(), asOf, cancellationToken);
        return new BoardReportResult(current, earlier, asOf, Thresholds);
    }

    public async Task<PeriodFigures> FiguresAsync(ReportPeriod period, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = period.From;
        var to = period.To;
        var inPeriod = db.Cases.AsNoTracking().Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to);
        var premature = ReportDefinitions.PrematureStates.ToArray();

        // 1. Every case of the period, by kind, audience, area and law type.
        var cases = await inPeriod
            .GroupBy(c => new { c.Type, c.Audience, c.ServiceAreaId, c.LawType })
            .Select(g => new CaseCell(
                g.Key.Type,
                g.Key.Audience,
                g.Key.ServiceAreaId,
                g.Key.LawType,
                g.Count(),
                g.Sum(c => premature.Contains(c.State) ? 1 : 0),
                g.Sum(c => c.State == ComplaintStates.Withdrawn ? 1 : 0)))
            .ToListAsync(cancellationToken);

        // 2. Complaints' acknowledgement and response deadlines: on time and late.
        var deadlines = await (
                from d in db.CaseDeadlines.AsNoTracking()
                join c in inPeriod on d.CaseId equals c.Id
                where c.Type == CaseType.Complaint && (d.Kind == DeadlineKinds.Acknowledgement || d.Kind == DeadlineKinds.Response)
                group d by new { d.Kind, c.Audience, c.ServiceAreaId, c.LawType } into g
                select new DeadlineCell(
                    g.Key.Kind,
                    g.Key.Audience,
                    g.Key.ServiceAreaId,
                    g.Key.LawType,
                    g.Sum(d => d.MetOn != null && d.MetOn <= d.DueOn ? 1 : 0),
                    g.Sum(d => (d.MetOn != null && d.MetOn > d.DueOn) || (d.MetOn == null && d.DueOn < asOf) ? 1 : 0)))
            .ToListAsync(cancellationToken);

        // 3. Working days to respond: a histogram of (clock start, day sent) pairs.
        var sent = await (
                from d in db.CaseDeadlines.AsNoTracking()
                join c in inPeriod on d.CaseId equals c.Id
                where c.Type == CaseType.Complaint && d.Kind == DeadlineKinds.Response && d.MetOn != null
                group d by new { c.Audience, d.StartsOn, d.MetOn } into g
                select new SentCell(g.Key.Audience, g.Key.StartsOn, g.Key.MetOn!.Value, g.Count()))
            .ToListAsync(cancellationToken);

        // 4. Findings: complaints with an issue decided, and with one upheld fully or in part.
        var findings = await inPeriod
            .Where(c => c.Type == CaseType.Complaint)
            .Select(c => new
            {
                c.Audience,
                Decided = c.Issues.Any(i => i.Finding == Finding.Upheld || i.Finding == Finding.PartlyUpheld || i.Finding == Finding.NotUpheld),
                Upheld = c.Issues.Any(i => i.Finding == Finding.Upheld || i.Finding == Finding.PartlyUpheld),
            })
            .GroupBy(x => x.Audience)
            .Select(g => new FindingCell(g.Key, g.Sum(x => x.Decided ? 1 : 0), g.Sum(x => x.Upheld ? 1 : 0)))
            .ToListAsync(cancellationToken);

        // 5. Themes of the issues raised.
        var themes = await (
                from i in db.ComplaintIssues.AsNoTracking()
                join c in inPeriod on i.CaseId equals c.Id
                where c.Type == CaseType.Complaint && i.ThemeCode != null
                group i by i.ThemeCode into g
                select new { Code = g.Key!, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // 6. Remedies (amounts summed per kind in the database).
        var remedies = await (
                from r in db.Remedies.AsNoTracking()
                join c in inPeriod on r.CaseId equals c.Id
                group r by r.Kind into g
                select new { Kind = g.Key, Count = g.Count(), Amount = g.Sum(r => r.Amount ?? 0m) })
            .ToListAsync(cancellationToken);

        // 7. Ombudsman outcomes.
        var outcomes = await (
                from o in db.OmbudsmanCases.AsNoTracking()
                join c in inPeriod on o.CaseId equals c.Id
                group o by o.Outcome into g
                select new { Outcome = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // 8. Withdrawn complaints by the state they were withdrawn from.
        var withdrawnFrom = await (
                from e in db.CaseEvents.AsNoTracking()
                join c in inPeriod on e.CaseId equals c.Id
                where c.Type == CaseType.Complaint && c.State == ComplaintStates.Withdrawn && e.ToState == ComplaintStates.Withdrawn
                group e by e.FromState into g
                select new { State = g.Key, Count = g.Select(e => e.CaseId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        // 9. Feedback given in the period.
        var feedback = await db.FeedbackResponses.AsNoTracking()
            .Where(f => f.GivenOn >= from && f.GivenOn <= to)
            .GroupBy(f => f.Audience)
            .Select(g => new
            {
                Audience = g.Key,
                Responses = g.Count(),
                Scored = g.Sum(f => f.Score != null ? 1 : 0),
                Total = g.Sum(f => f.Score ?? 0),
                Positive = g.Sum(f => f.Score >= 4 ? 1 : 0),
            })
            .ToListAsync(cancellationToken);

        // 10. Family court cases open on any day of the period: the denominator of the rates.
        var served = await db.FamilyCourtCases.AsNoTracking()
            .Where(f => f.StartedOn <= to && (f.InvolvementEndedOn == null || f.InvolvementEndedOn >= from))
            .GroupBy(f => new { f.ServiceAreaId, f.LawType })
            .Select(g => new ServedCell(g.Key.ServiceAreaId, g.Key.LawType, g.Count()))
            .ToListAsync(cancellationToken);

        var areas = await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var themeNames = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);
        var calendar = await calendars.CurrentAsync(cancellationToken);

        var volumes = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [ReportFigures.AdultComplaints] = cases.Where(c => c.Type == CaseType.Complaint && c.Audience == Audience.Adult).Sum(c => c.Count),
            [ReportFigures.ChildComplaints] = cases.Where(c => c.Type == CaseType.Complaint && c.Audience == Audience.Child).Sum(c => c.Count),
            [ReportFigures.MpEnquiries] = cases.Where(c => c.Type == CaseType.MpEnquiry).Sum(c => c.Count),
            [ReportFigures.OmbudsmanCases] = cases.Where(c => c.Type == CaseType.OmbudsmanCase).Sum(c => c.Count),
            [ReportFigures.SubjectAccessRequests] = cases.Where(c => c.Type == CaseType.SubjectAccessRequest).Sum(c => c.Count),
            [ReportFigures.Compliments] = cases.Where(c => c.Type == CaseType.Compliment).Sum(c => c.Count),
            [ReportFigures.Feedback] = feedback.Sum(f => f.Responses),
        };
        volumes[ReportFigures.Complaints] = volumes[ReportFigures.AdultComplaints] + volumes[ReportFigures.ChildComplaints];

        AudienceFigures For(Audience audience)
        {
            var complaints = cases.Where(c => c.Type == CaseType.Complaint && c.Audience == audience).ToList();
            var days = sent.Where(s => s.Audience == audience)
                .Select(s => (Days: calendar.CountWorkingDays(s.StartsOn, s.SentOn), s.Count))
                .GroupBy(s => s.Days)
                .Select(g => (Days: g.Key, Count: (long)g.Sum(x => x.Count)))
                .OrderBy(x => x.Days)
                .ToList();
            var responses = days.Sum(d => d.Count);
            var finding = findings.FirstOrDefault(f => f.Audience == audience);
            return new AudienceFigures(
                complaints.Sum(c => c.Count),
                Sum(deadlines.Where(d => d.Audience == audience && d.Kind == DeadlineKinds.Acknowledgement)),
                Sum(deadlines.Where(d => d.Audience == audience && d.Kind == DeadlineKinds.Response)),
                responses,
                responses == 0 ? null : (double)days.Sum(d => (long)d.Days * d.Count) / responses,
                Median(days),
                finding?.Decided ?? 0,
                finding?.Upheld ?? 0,
                complaints.Sum(c => c.Premature),
                complaints.Sum(c => c.Withdrawn));
        }

        FeedbackFigures FeedbackFor(Audience audience) =>
            feedback.FirstOrDefault(f => f.Audience == audience) is { } f
                ? new FeedbackFigures(f.Responses, f.Scored, f.Total, f.Positive)
                : new FeedbackFigures(0, 0, 0, 0);

        var byArea = Breakdown(
            areas.Select(a => (Key: a.Id.ToString(), a.Name, Match: (Func<Guid?, LawType?, bool>)((area, _) => area == a.Id))).ToList(),
            cases, deadlines, served);
        var byLawType = Breakdown(
            Enum.GetValues<LawType>().Select(l => (Key: l.ToString(), Name: l.Describe(), Match: (Func<Guid?, LawType?, bool>)((_, law) => law == l))).ToList(),
            cases, deadlines, served);

        return new PeriodFigures(
            period,
            volumes,
            For(Audience.Adult),
            For(Audience.Child),
            FeedbackFor(Audience.Adult),
            FeedbackFor(Audience.Child),
            byArea,
            byLawType,
            themes.OrderByDescending(t => t.Count).ThenBy(t => t.Code, StringComparer.Ordinal).Take(5)
                .Select(t => new CountRow(t.Code, themeNames.GetValueOrDefault(t.Code, t.Code), t.Count)).ToList(),
            remedies.OrderBy(r => r.Kind).Select(r => new RemedyRow(r.Kind.Describe(), r.Count, r.Amount)).ToList(),
            outcomes.OrderBy(o => o.Outcome is null ? 99 : (int)o.Outcome)
                .Select(o => new CountRow(o.Outcome?.ToString() ?? "none", o.Outcome?.Describe() ?? "No outcome yet", o.Count)).ToList(),
            withdrawnFrom.OrderBy(w => w.State is null ? 99 : IndexOf(w.State))
                .Select(w => new CountRow(w.State ?? "unknown", w.State is null ? "Unknown" : ComplaintStates.Describe(w.State), w.Count)).ToList());
    }

    private static int IndexOf(string state)
    {
        var index = ComplaintStates.All.ToList().IndexOf(state);
        return index < 0 ? 98 : index;
    }

    private static Timeliness Sum(IEnumerable<DeadlineCell> cells) =>
        cells.Aggregate(Timeliness.Empty, (t, c) => t.Add(new Timeliness(c.OnTime, c.Late)));

    /// <summary>The middle value of a histogram (the lower middle for an even count).</summary>
    internal static int? Median(IReadOnlyList<(int Days, long Count)> histogram)
    {
        var total = histogram.Sum(h => h.Count);
        if (total == 0)
        {
            return null;
        }

        var target = (total + 1) / 2;
        long seen = 0;
        foreach (var (days, count) in histogram)
        {
            seen += count;
            if (seen >= target)
            {
                return days;
            }
        }

        return histogram[^1].Days;
    }

    private static List<BreakdownRow> Breakdown(
        IReadOnlyList<(string Key, string Name, Func<Guid?, LawType?, bool> Match)> groups,
        List<CaseCell> cases,
        List<DeadlineCell> deadlines,
        List<ServedCell> served)
    {
        var counts = groups.Select(g =>
        {
            var mine = cases.Where(c => g.Match(c.ServiceAreaId, c.LawType)).ToList();
            var complaints = mine.Where(c => c.Type == CaseType.Complaint).ToList();
            return new
            {
                g.Key,
                g.Name,
                Adult = complaints.Where(c => c.Audience == Audience.Adult).Sum(c => c.Count),
                Child = complaints.Where(c => c.Audience == Audience.Child).Sum(c => c.Count),
                Mp = mine.Where(c => c.Type == CaseType.MpEnquiry).Sum(c => c.Count),
                Responded = Sum(deadlines.Where(d => d.Kind == DeadlineKinds.Response && g.Match(d.ServiceAreaId, d.LawType))),
                Premature = complaints.Sum(c => c.Premature),
                Withdrawn = complaints.Sum(c => c.Withdrawn),
                Served = served.Where(s => g.Match(s.ServiceAreaId, s.LawType)).Sum(s => s.Count),
            };
        }).ToList();
        var rates = LowRateTest.Assess(counts.Select(c => new RateGroup(c.Name, c.Adult + c.Child, c.Served)).ToList());
        return counts.Select((c, i) => new BreakdownRow(c.Key, c.Name, c.Adult, c.Child, c.Mp, c.Responded, c.Premature, c.Withdrawn, c.Served, rates[i])).ToList();
    }

    private sealed record CaseCell(CaseType Type, Audience Audience, Guid? ServiceAreaId, LawType? LawType, long Count, long Premature, long Withdrawn);

    private sealed record DeadlineCell(string Kind, Audience Audience, Guid? ServiceAreaId, LawType? LawType, long OnTime, long Late);

    private sealed record SentCell(Audience Audience, DateOnly StartsOn, DateOnly SentOn, long Count);

    private sealed record FindingCell(Audience Audience, long Decided, long Upheld);

    private sealed record ServedCell(Guid ServiceAreaId, LawType LawType, long Count);
}
