using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Learning;

/// <summary>Learning actions open, done and overdue. <see cref="Overdue"/> is the part of <see cref="Open"/> past its due date.</summary>
public sealed record ActionCounts(int Open, int Done, int Overdue)
{
    public static readonly ActionCounts None = new(0, 0, 0);

    public ActionCounts Plus(ActionCounts other) => new(Open + other.Open, Done + other.Done, Overdue + other.Overdue);
}

/// <summary>One row of an action count table (a cascade level, or a service area).</summary>
public sealed record ActionCountRow(string Label, ActionCounts Counts);

/// <summary>Counts by theme for each financial quarter of a period.</summary>
public sealed record ThemesOverTime(IReadOnlyList<string> Quarters, IReadOnlyList<ThemeSeries> Themes)
{
    public IReadOnlyList<int> Totals => [.. Quarters.Select((_, i) => Themes.Sum(t => t.Counts[i]))];

    public int Total => Themes.Sum(t => t.Total);
}

public sealed record ThemeSeries(string Code, string Name, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>A learning point as the panel shows it: what was learned and when, never whose complaint it was.</summary>
public sealed record LearningText(DateOnly RecordedOn, string Text, bool FromChildsComplaint);

/// <summary>What the national learning panel reads for a period.</summary>
public sealed record LearningPanel(
    ReportPeriod Period,
    DateOnly AsOf,
    ThemesOverTime Issues,
    ThemesOverTime Compliments,
    ThemesOverTime LearningPoints,
    ActionCounts Actions,
    IReadOnlyList<ActionCountRow> ByLevel,
    IReadOnlyList<ActionCountRow> ByArea,
    IReadOnlyList<LearningText> RecentLearning);

/// <summary>A count beside the same count a year earlier.</summary>
public sealed record YearOnYear(string Label, int ThisYear, int YearEarlier);

/// <summary>How many of a promised contact were on time, late, and not yet due.</summary>
public sealed record Timeliness(string Label, int OnTime, int Late, int NotYetDue)
{
    public int Due => OnTime + Late;

    /// <summary>The percentage on time of those due, or null when none were due.</summary>
    public decimal? PercentOnTime => Due == 0 ? null : Math.Round(100m * OnTime / Due, 1);
}

/// <summary>An action taken (done) because of a child's complaint: what changed and the evidence.</summary>
public sealed record ChangeMade(DateOnly DoneOn, CascadeLevel Level, string Theme, string Description, string Evidence);

/// <summary>The annual review of children's complaints for a financial year (seed 003's headings).</summary>
public sealed record ChildrensReview(
    ReportPeriod Year,
    DateOnly AsOf,
    YearOnYear Received,
    IReadOnlyList<ThemeCount> Themes,
    IReadOnlyList<YearOnYear> Outcomes,
    IReadOnlyList<Timeliness> Timeliness,
    int LearningPointCount,
    IReadOnlyList<LearningText> Learning,
    ActionCounts Actions,
    IReadOnlyList<ActionCountRow> ActionsByLevel,
    IReadOnlyList<ChangeMade> ChangesMade)
{
    /// <summary>Complaints upheld fully or in part this year.</summary>
    public int UpheldFullyOrInPart => Outcomes.Where(o => o.Label is OutcomeUpheld or OutcomePartlyUpheld).Sum(o => o.ThisYear);

    public const string OutcomeUpheld = "Upheld";
    public const string OutcomePartlyUpheld = "Partly upheld";
    public const string OutcomeNotUpheld = "Not upheld";
    public const string OutcomeNone = "No finding yet";
}

public sealed record ThemeCount(string Code, string Name, int Count);

/// <summary>
/// The learning figures: themes over time, learning actions open / done / overdue, and the annual review of
/// children's complaints. Every count is an SQL aggregate; only the small grouped results come back.
/// </summary>
/// <remarks>
/// Definitions (written on the pages too): a complaint issue and a compliment count in the quarter the case was
/// received; a learning point in the quarter it was recorded, under each theme found on its complaint's issues. An
/// action is open as at a date when it was set on or before that date and not done or cancelled by then; overdue
/// when also past its due date; done in a period when marked done within it. "As at" is the period's last day, or
/// today when the period has not ended.
/// </remarks>
public sealed class LearningReports(HeardDbContext db, TimeProvider clock)
{
    public const string Definitions =
        "Complaint issues and compliments are counted in the quarter the case was received, by the theme recorded on them. "
        + "A learning point is counted in the quarter it was recorded, under each theme recorded on its complaint's issues. "
        + "An action is open when it was set by the end of the period (or today, if the period has not ended) and was not done or cancelled by then; "
        + "overdue when it is open and its due date has passed; done when it was marked done, with evidence, within the period.";

    /// <summary>
    /// Learning actions for the board paper: open and overdue as at the end of <paramref name="period"/> (or today,
    /// if sooner), and done within it. <paramref name="childrenOnly"/> counts only actions from children's complaints.
    /// </summary>
    public async Task<ActionCounts> ActionCountsAsync(ReportPeriod period, bool childrenOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var rows = await ActionGroupsAsync(period, childrenOnly ? Audience.Child : null, null, cancellationToken);
        return rows.Aggregate(ActionCounts.None, (sum, r) => sum.Plus(r.Counts));
    }

    public async Task<LearningPanel> PanelAsync(ReportPeriod period, bool includeChildrensLearningText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var quarters = QuartersOf(period);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new { t.Code, t.Name }).ToListAsync(cancellationToken);
        var names = themes.ToDictionary(t => t.Code, t => t.Name);

        var issues = await (from i in db.ComplaintIssues
                            join c in db.Cases on i.CaseId equals c.Id
                            where c.Type == CaseType.Complaint && i.ThemeCode != null && c.ReceivedOn >= period.From && c.ReceivedOn <= period.To
                            group i by new { c.ReceivedOn.Year, c.ReceivedOn.Month, i.ThemeCode } into g
                            select new MonthCount(g.Key.Year, g.Key.Month, g.Key.ThemeCode!, g.Count())).ToListAsync(cancellationToken);
        var compliments = await (from t in db.ComplimentThemes
                                 join c in db.Cases on t.CaseId equals c.Id
                                 where c.ReceivedOn >= period.From && c.ReceivedOn <= period.To
                                 group t by new { c.ReceivedOn.Year, c.ReceivedOn.Month, t.ThemeCode } into g
                                 select new MonthCount(g.Key.Year, g.Key.Month, g.Key.ThemeCode, g.Count())).ToListAsync(cancellationToken);
        var (fromUtc, toUtc) = UtcBounds(period);
        // A point on a complaint with two themes counts once under each (distinct point and theme).
        var pointThemes = (from p in db.LearningPoints
                           join i in db.ComplaintIssues on p.CaseId equals i.CaseId
                           where p.RecordedAt >= fromUtc && p.RecordedAt < toUtc && i.ThemeCode != null
                           select new { p.Id, p.RecordedAt, Code = i.ThemeCode! }).Distinct();
        var points = await (from x in pointThemes
                            group x by new { x.RecordedAt.Year, x.RecordedAt.Month, x.Code } into g
                            select new MonthCount(g.Key.Year, g.Key.Month, g.Key.Code, g.Count())).ToListAsync(cancellationToken);

        var asOf = AsOf(period);
        var groups = await ActionGroupsAsync(period, null, null, cancellationToken);
        var areas = await db.ServiceAreas.AsNoTracking().Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var byLevel = Enum.GetValues<CascadeLevel>()
            .Select(l => new ActionCountRow(l.Describe(), groups.Where(g => g.Level == l).Aggregate(ActionCounts.None, (s, g) => s.Plus(g.Counts))))
            .ToList();
        var byArea = groups.GroupBy(g => g.AreaId)
            .Select(g => new ActionCountRow(g.Key is { } id ? areas.GetValueOrDefault(id, "Unknown area") : "National (no area)", g.Aggregate(ActionCounts.None, (s, x) => s.Plus(x.Counts))))
            .OrderBy(r => r.Label == "National (no area)" ? 1 : 0).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();

        var recent = await RecentLearningAsync(period, includeChildrensLearningText ? null : Audience.Adult, 10, cancellationToken);
        return new LearningPanel(
            period,
            asOf,
            Spread(quarters, issues, themes.Select(t => (t.Code, t.Name))),
            Spread(quarters, compliments, themes.Select(t => (t.Code, t.Name))),
            Spread(quarters, points, themes.Select(t => (t.Code, t.Name))),
            groups.Aggregate(ActionCounts.None, (s, g) => s.Plus(g.Counts)),
            byLevel,
            byArea,
            recent);
    }

    public async Task<ChildrensReview> ChildrensReviewAsync(int financialYear, CancellationToken cancellationToken = default)
    {
        var year = ReportPeriod.FinancialYear(financialYear);
        var earlier = year.YearEarlier();
        var asOf = AsOf(year);
        var children = db.Cases.Where(c => c.Type == CaseType.Complaint && c.Audience == Audience.Child);
        var thisYear = children.Where(c => c.ReceivedOn >= year.From && c.ReceivedOn <= year.To);
        var lastYear = children.Where(c => c.ReceivedOn >= earlier.From && c.ReceivedOn <= earlier.To);

        var outcomesNow = await OutcomesAsync(thisYear, cancellationToken);
        var outcomesThen = await OutcomesAsync(lastYear, cancellationToken);
        var received = new YearOnYear("Children's complaints received", outcomesNow.Total, outcomesThen.Total);
        string[] labels = [ChildrensReview.OutcomeUpheld, ChildrensReview.OutcomePartlyUpheld, ChildrensReview.OutcomeNotUpheld, ChildrensReview.OutcomeNone];
        var outcomes = labels.Select((l, i) => new YearOnYear(l, outcomesNow.ByOutcome[i], outcomesThen.ByOutcome[i])).ToList();

        var themeRows = await (from i in db.ComplaintIssues
                               join c in thisYear on i.CaseId equals c.Id
                               join t in db.Themes on i.ThemeCode equals t.Code
                               group i by new { t.Code, t.Name, t.SortOrder } into g
                               select new { g.Key.Code, g.Key.Name, g.Key.SortOrder, Count = g.Count() }).ToListAsync(cancellationToken);
        var themes = themeRows.OrderByDescending(t => t.Count).ThenBy(t => t.SortOrder).Select(t => new ThemeCount(t.Code, t.Name, t.Count)).ToList();

        var timeliness = new List<Timeliness>();
        foreach (var (kind, label) in new[] { ("first-contact", "Contact with the child within 1 working day"), ("response", "Response within the time promised") })
        {
            var deadlines = db.CaseDeadlines.Where(d => d.Kind == kind && thisYear.Any(c => c.Id == d.CaseId));
            var counts = await deadlines.GroupBy(d => 1).Select(g => new
            {
                OnTime = g.Count(d => d.MetOn != null && d.MetOn <= d.DueOn),
                Late = g.Count(d => (d.MetOn != null && d.MetOn > d.DueOn) || (d.MetOn == null && d.DueOn < asOf)),
                NotYet = g.Count(d => d.MetOn == null && d.DueOn >= asOf),
            }).FirstOrDefaultAsync(cancellationToken);
            timeliness.Add(new Timeliness(label, counts?.OnTime ?? 0, counts?.Late ?? 0, counts?.NotYet ?? 0));
        }

        var (fromUtc, toUtc) = UtcBounds(year);
        var pointCount = await db.LearningPoints.CountAsync(p => p.RecordedAt >= fromUtc && p.RecordedAt < toUtc && children.Any(c => c.Id == p.CaseId), cancellationToken);
        var learning = await RecentLearningAsync(year, Audience.Child, 50, cancellationToken);
        var groups = await ActionGroupsAsync(year, Audience.Child, null, cancellationToken);
        var byLevel = Enum.GetValues<CascadeLevel>()
            .Select(l => new ActionCountRow(l.Describe(), groups.Where(g => g.Level == l).Aggregate(ActionCounts.None, (s, g) => s.Plus(g.Counts))))
            .ToList();
        var changes = await (from a in db.LearningActions
                             join c in children on a.CaseId equals c.Id
                             join t in db.Themes on a.ThemeCode equals t.Code
                             where a.Status == LearningActionStatus.Done && a.ClosedOn >= year.From && a.ClosedOn <= asOf
                             orderby a.ClosedOn
                             select new ChangeMade(a.ClosedOn!.Value, a.Level, t.Name, a.Description, a.Evidence ?? "")).ToListAsync(cancellationToken);
        return new ChildrensReview(year, asOf, received, themes, outcomes, timeliness, pointCount, learning,
            groups.Aggregate(ActionCounts.None, (s, g) => s.Plus(g.Counts)), byLevel, changes);
    }

    /// <summary>The financial quarters a period touches, as "Q1 2023–24".</summary>
    public static IReadOnlyList<(int StartYear, int Quarter, string Name)> QuartersOf(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var list = new List<(int, int, string)>();
        var (year, quarter) = QuarterOf(period.From);
        while (true)
        {
            var q = ReportPeriod.Quarter(year, quarter);
            if (q.From > period.To)
            {
                break;
            }

            list.Add((year, quarter, q.Name));
            (year, quarter) = quarter == 4 ? (year + 1, 1) : (year, quarter + 1);
        }

        return list;
    }

    private static (int StartYear, int Quarter) QuarterOf(int year, int month) =>
        (month >= 4 ? year : year - 1, month >= 4 ? (month - 4) / 3 + 1 : 4);

    private static (int StartYear, int Quarter) QuarterOf(DateOnly date) => QuarterOf(date.Year, date.Month);

    private static ThemesOverTime Spread(IReadOnlyList<(int StartYear, int Quarter, string Name)> quarters, IReadOnlyList<MonthCount> counts, IEnumerable<(string Code, string Name)> themes)
    {
        var index = quarters.Select((q, i) => (q, i)).ToDictionary(x => (x.q.StartYear, x.q.Quarter), x => x.i);
        var series = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            if (!index.TryGetValue(QuarterOf(c.Year, c.Month), out var i))
            {
                continue;
            }

            if (!series.TryGetValue(c.ThemeCode, out var row))
            {
                series[c.ThemeCode] = row = new int[quarters.Count];
            }

            row[i] += c.Count;
        }

        // Themes in the taxonomy's order; only those with something to show.
        var rows = themes.Where(t => series.ContainsKey(t.Code)).Select(t => new ThemeSeries(t.Code, t.Name, series[t.Code])).ToList();
        return new ThemesOverTime([.. quarters.Select(q => q.Name)], rows);
    }

    private DateOnly AsOf(ReportPeriod period)
    {
        var today = UkTime.Today(clock);
        return period.To < today ? period.To : today;
    }

    /// <summary>The UTC instants of the UK midnights that start the period and the day after it.</summary>
    private static (DateTime From, DateTime To) UtcBounds(ReportPeriod period)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        DateTime Utc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), london);
        return (Utc(period.From), Utc(period.To.AddDays(1)));
    }

    private async Task<IReadOnlyList<LearningText>> RecentLearningAsync(ReportPeriod period, Audience? audience, int take, CancellationToken cancellationToken)
    {
        var (fromUtc, toUtc) = UtcBounds(period);
        var rows = await (from p in db.LearningPoints
                          join c in db.Cases on p.CaseId equals c.Id
                          where p.RecordedAt >= fromUtc && p.RecordedAt < toUtc && (audience == null || c.Audience == audience)
                          orderby p.RecordedAt descending
                          select new { p.RecordedAt, p.Text, c.Audience }).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new LearningText(UkTime.DateOf(r.RecordedAt), r.Text, r.Audience == Audience.Child))];
    }

    private async Task<(int Total, int[] ByOutcome)> OutcomesAsync(IQueryable<Cases.Case> cases, CancellationToken cancellationToken)
    {
        var row = await cases.GroupBy(c => 1).Select(g => new
        {
            Total = g.Count(),
            Upheld = g.Count(c => db.ComplaintIssues.Any(i => i.CaseId == c.Id && i.Finding == Finding.Upheld)),
            Partly = g.Count(c => !db.ComplaintIssues.Any(i => i.CaseId == c.Id && i.Finding == Finding.Upheld)
                && db.ComplaintIssues.Any(i => i.CaseId == c.Id && i.Finding == Finding.PartlyUpheld)),
            Not = g.Count(c => !db.ComplaintIssues.Any(i => i.CaseId == c.Id && (i.Finding == Finding.Upheld || i.Finding == Finding.PartlyUpheld))
                && db.ComplaintIssues.Any(i => i.CaseId == c.Id && (i.Finding == Finding.NotUpheld || i.Finding == Finding.NoFinding))),
        }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return (0, [0, 0, 0, 0]);
        }

        return (row.Total, [row.Upheld, row.Partly, row.Not, row.Total - row.Upheld - row.Partly - row.Not]);
    }

    private async Task<IReadOnlyList<ActionGroup>> ActionGroupsAsync(ReportPeriod period, Audience? audience, Guid? areaId, CancellationToken cancellationToken)
    {
        var asOf = AsOf(period);
        var actions = db.LearningActions.Where(a => a.CreatedOn <= asOf);
        if (audience is { } who)
        {
            actions = actions.Where(a => db.Cases.Any(c => c.Id == a.CaseId && c.Audience == who));
        }

        if (areaId is { } area)
        {
            actions = actions.Where(a => a.ServiceAreaId == area);
        }

        var rows = await actions.GroupBy(a => new { a.Level, a.ServiceAreaId }).Select(g => new
        {
            g.Key.Level,
            g.Key.ServiceAreaId,
            Open = g.Count(a => a.Status == LearningActionStatus.Open || a.ClosedOn > asOf),
            Overdue = g.Count(a => (a.Status == LearningActionStatus.Open || a.ClosedOn > asOf) && a.DueOn < asOf),
            Done = g.Count(a => a.Status == LearningActionStatus.Done && a.ClosedOn >= period.From && a.ClosedOn <= asOf),
        }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ActionGroup(r.Level, r.ServiceAreaId, new ActionCounts(r.Open, r.Done, r.Overdue)))];
    }

    private sealed record MonthCount(int Year, int Month, string ThemeCode, int Count);

    private sealed record ActionGroup(CascadeLevel Level, Guid? AreaId, ActionCounts Counts);
}
