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
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Reporting;

/// <summary>
/// The board's performance report (PRODUCT.md "What the board sees"): every figure for a period and for the same
/// period a year earlier. Each figure is computed in the database by a handful of grouped queries with conditional
/// sums (a small cube per record kind); only the cubes come back, never the records. Medians come from a
/// histogram grouped by (clock start, day sent), turned into working days with the calendar in force.
/// </summary>
public sealed class BoardReport(HeardDbContext db, CalendarStore calendars, TimeProvider clock, IConfiguration configuration, IServiceScopeFactory scopes)
{
    public RagThresholds Thresholds => new(
        configuration.GetValue("Heard:Reports:Rag:Green", RagThresholds.Default.Green),
        configuration.GetValue("Heard:Reports:Rag:Amber", RagThresholds.Default.Amber));

    public async Task<BoardReportResult> BuildAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var asOf = UkTime.Today(clock);
        // The year-earlier figures on a second connection at the same time: each period is its own read, and
        // on a machine of two cores the report takes the time of one period rather than two.
        var earlierTask = Task.Run(
            async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<BoardReport>().FiguresAsync(period.YearEarlier(), asOf, cancellationToken);
            },
            cancellationToken);
        var currentTask = FiguresAsync(period, asOf, cancellationToken);
        await Task.WhenAll(currentTask, earlierTask);
        return new BoardReportResult(await currentTask, await earlierTask, asOf, Thresholds);
    }

    public async Task<PeriodFigures> FiguresAsync(ReportPeriod period, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = period.From;
        var to = period.To;
        var facts = db.ReportFacts.AsNoTracking().Where(f => f.ReceivedOn >= from && f.ReceivedOn <= to);

        // 1. Every case of the period by kind, audience, area and law type (and, for withdrawn complaints, the stage
        // withdrawn from), with its deadlines met on time and late and its findings summed. Whole months come from
        // the month cells (a few thousand rows a year); the days of a month the period only partly covers are summed
        // from the report facts the same way (ReportMonthCells.SumAsync); deadlines still open are counted from the facts' partial indexes, as they are late or
        // not depending on today.
        var monthCells = new List<ReportMonthCell>();
        var (firstMonth, lastMonth, days) = ReportMonths.Split(from, to);
        if (firstMonth is { } first && lastMonth is { } last)
        {
            monthCells.AddRange(await db.ReportMonthCells.AsNoTracking().Where(c => c.Month >= first && c.Month <= last).ToListAsync(cancellationToken));
        }

        foreach (var (dayFrom, dayTo) in days)
        {
            monthCells.AddRange(await ReportMonthCells.SumAsync(db.ReportFacts.AsNoTracking().Where(f => f.ReceivedOn >= dayFrom && f.ReceivedOn <= dayTo), cancellationToken));
        }

        var cases = monthCells.Select(c => new CaseCell(
            c.Type,
            c.Audience,
            c.ServiceAreaId == Guid.Empty ? null : c.ServiceAreaId,
            c.LawType.Length == 0 ? null : Enum.Parse<LawType>(c.LawType),
            c.WithdrawnFrom.Length == 0 ? null : c.WithdrawnFrom,
            c.Count,
            c.Premature,
            c.Withdrawn,
            c.AcknowledgementOnTime,
            c.AcknowledgementSentLate,
            c.ResponseOnTime,
            c.ResponseSentLate,
            c.Decided,
            c.Upheld)).ToList();

        // Deadlines not met whose day has passed are late today.
        cases.AddRange(await facts
            .Where(f => f.AcknowledgementDueOn != null && f.AcknowledgementMetOn == null && f.AcknowledgementDueOn < asOf)
            .GroupBy(f => new { f.Type, f.Audience, f.ServiceAreaId, f.LawType, f.WithdrawnFrom })
            .Select(g => new CaseCell(g.Key.Type, g.Key.Audience, g.Key.ServiceAreaId, g.Key.LawType, g.Key.WithdrawnFrom, 0, 0, 0, 0, g.Count(), 0, 0, 0, 0))
            .ToListAsync(cancellationToken));
        cases.AddRange(await facts
            .Where(f => f.ResponseDueOn != null && f.ResponseMetOn == null && f.ResponseDueOn < asOf)
            .GroupBy(f => new { f.Type, f.Audience, f.ServiceAreaId, f.LawType, f.WithdrawnFrom })
            .Select(g => new CaseCell(g.Key.Type, g.Key.Audience, g.Key.ServiceAreaId, g.Key.LawType, g.Key.WithdrawnFrom, 0, 0, 0, 0, 0, 0, g.Count(), 0, 0))
            .ToListAsync(cancellationToken));
        var complaintCells = cases.Where(c => c.Type == CaseType.Complaint).ToList();

        // 2. Working days to respond: a histogram of (clock start, day sent) pairs.
        var sent = await facts
            .Where(f => f.Type == CaseType.Complaint && f.ResponseMetOn != null)
            .GroupBy(f => new { f.Audience, f.ResponseStartsOn, f.ResponseMetOn })
            .Select(g => new SentCell(g.Key.Audience, g.Key.ResponseStartsOn!.Value, g.Key.ResponseMetOn!.Value, g.Count()))
            .ToListAsync(cancellationToken);

        // 3. Themes of the complaints' issues.
        var themes = await db.ReportThemeFacts.AsNoTracking()
            .Where(t => t.ReceivedOn >= from && t.ReceivedOn <= to)
            .GroupBy(t => t.ThemeCode)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // 6. Remedies (amounts summed per kind in the database); few rows, so each looks up its own case.
        var remedies = await db.Remedies.AsNoTracking()
            .Where(r => db.ReportFacts.Any(f => f.CaseId == r.CaseId && f.ReceivedOn >= from && f.ReceivedOn <= to))
            .GroupBy(r => r.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count(), Amount = g.Sum(r => r.Amount ?? 0m) })
            .ToListAsync(cancellationToken);

        // 7. Ombudsman outcomes.
        var outcomes = await db.OmbudsmanCases.AsNoTracking()
            .Where(o => db.ReportFacts.Any(f => f.CaseId == o.CaseId && f.ReceivedOn >= from && f.ReceivedOn <= to))
            .GroupBy(o => o.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // 8. Withdrawn complaints by the state they were withdrawn from.
        var withdrawnFrom = complaintCells.Where(c => c.WithdrawnFrom is not null)
            .GroupBy(c => c.WithdrawnFrom)
            .Select(g => new { State = g.Key, Count = g.Sum(c => c.Withdrawn) })
            .Where(w => w.Count > 0)
            .ToList();

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
            return new AudienceFigures(
                complaints.Sum(c => c.Count),
                new Timeliness(complaints.Sum(c => c.AcknowledgementOnTime), complaints.Sum(c => c.AcknowledgementLate)),
                Responded(complaints),
                responses,
                responses == 0 ? null : (double)days.Sum(d => (long)d.Days * d.Count) / responses,
                Median(days),
                complaints.Sum(c => c.Decided),
                complaints.Sum(c => c.Upheld),
                complaints.Sum(c => c.Premature),
                complaints.Sum(c => c.Withdrawn));
        }

        FeedbackFigures FeedbackFor(Audience audience) =>
            feedback.FirstOrDefault(f => f.Audience == audience) is { } f
                ? new FeedbackFigures(f.Responses, f.Scored, f.Total, f.Positive)
                : new FeedbackFigures(0, 0, 0, 0);

        var byArea = Breakdown(
            areas.Select(a => (Key: a.Id.ToString(), a.Name, Match: (Func<Guid?, LawType?, bool>)((area, _) => area == a.Id))).ToList(),
            cases, served);
        var byLawType = Breakdown(
            Enum.GetValues<LawType>().Select(l => (Key: l.ToString(), Name: l.Describe(), Match: (Func<Guid?, LawType?, bool>)((_, law) => law == l))).ToList(),
            cases, served);

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

    /// <summary>How a period splits into whole months (read from the month cells) and the days around them.</summary>
    internal static class ReportMonths
    {
        public static (DateOnly? First, DateOnly? Last, List<(DateOnly From, DateOnly To)> Days) Split(DateOnly from, DateOnly to)
        {
            var first = from.Day == 1 ? from : ReportMonthCell.MonthOf(from).AddMonths(1);
            var afterTo = to.AddDays(1);
            var end = afterTo.Day == 1 ? afterTo : ReportMonthCell.MonthOf(to); // the first day after the last whole month
            if (first >= end)
            {
                return (null, null, [(from, to)]);
            }

            var days = new List<(DateOnly From, DateOnly To)>();
            if (from < first)
            {
                days.Add((from, first.AddDays(-1)));
            }

            if (end <= to)
            {
                days.Add((end, to));
            }

            return (first, end.AddMonths(-1), days);
        }
    }

    private static int IndexOf(string state)
    {
        var index = ComplaintStates.All.ToList().IndexOf(state);
        return index < 0 ? 98 : index;
    }

    /// <summary>Complaints' responses on time and late.</summary>
    private static Timeliness Responded(IEnumerable<CaseCell> complaints)
    {
        var list = complaints.ToList();
        return new Timeliness(list.Sum(c => c.ResponseOnTime), list.Sum(c => c.ResponseLate));
    }

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
                Responded = Responded(complaints),
                Premature = complaints.Sum(c => c.Premature),
                Withdrawn = complaints.Sum(c => c.Withdrawn),
                Served = served.Where(s => g.Match(s.ServiceAreaId, s.LawType)).Sum(s => s.Count),
            };
        }).ToList();
        var rates = LowRateTest.Assess(counts.Select(c => new RateGroup(c.Name, c.Adult + c.Child, c.Served)).ToList());
        return counts.Select((c, i) => new BreakdownRow(c.Key, c.Name, c.Adult, c.Child, c.Mp, c.Responded, c.Premature, c.Withdrawn, c.Served, rates[i])).ToList();
    }

    private sealed record CaseCell(
        CaseType Type,
        Audience Audience,
        Guid? ServiceAreaId,
        LawType? LawType,
        string? WithdrawnFrom,
        long Count,
        long Premature,
        long Withdrawn,
        long AcknowledgementOnTime,
        long AcknowledgementLate,
        long ResponseOnTime,
        long ResponseLate,
        long Decided,
        long Upheld);

    private sealed record SentCell(Audience Audience, DateOnly StartsOn, DateOnly SentOn, long Count);

    private sealed record ServedCell(Guid ServiceAreaId, LawType LawType, long Count);
}
