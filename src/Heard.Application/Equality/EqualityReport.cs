using System.Linq.Expressions;
using Heard.Application.Data;
using Heard.Domain.Cases;
using Heard.Domain.Equality;
using Heard.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Equality;

/// <summary>One group of a characteristic: how many complainants and people served, and the complaint rate.</summary>
public sealed record EqualityGroupRow(
    string Code,
    string Label,
    PublishedCount Complainants,
    double? ComplainantShare,
    PublishedCount Served,
    double? ServedShare,
    double? RatePerThousand,
    bool SignificantlyLow,
    bool Compared);

/// <summary>One characteristic (ethnic group, disability, sex, age band) for the period, after suppression.</summary>
public sealed record EqualityTable(
    EqualityQuestion Question,
    IReadOnlyList<EqualityGroupRow> Rows,
    PublishedCount ComplainantsTotal,
    PublishedCount ServedTotal,
    double? OverallRatePerThousand);

/// <summary>One group of a characteristic among the people who answered with the other public forms: a count per form.</summary>
public sealed record EqualityFormsRow(string Code, string Label, IReadOnlyList<PublishedCount> Counts);

/// <summary>
/// One characteristic of the people who answered the equality questions on the forms that are not complaints
/// (compliments, feedback, subject access requests): counts only, each form's column suppressed on its own.
/// </summary>
public sealed record EqualityFormsTable(EqualityQuestion Question, IReadOnlyList<EqualitySource> Forms, IReadOnlyList<EqualityFormsRow> Rows, IReadOnlyList<PublishedCount> Totals);

/// <summary>The equality monitoring report of a period: aggregates only, small numbers suppressed.</summary>
public sealed record EqualityReportResult(
    ReportPeriod Period,
    DateOnly FirstMonth,
    DateOnly LastMonth,
    PublishedCount ComplaintsReceived,
    PublishedCount ComplainantsAnswering,
    PublishedCount ServedPeople,
    IReadOnlyList<EqualityTable> Tables)
{
    public const string NotAnsweredCode = "not-answered";

    /// <summary>The same questions answered with compliments, feedback and subject access requests (not compared with the people served).</summary>
    public IReadOnlyList<EqualityFormsTable> OtherForms { get; init; } = [];

    public const string OtherFormsDefinition =
        "People who answered the equality questions when they paid a compliment, gave feedback or asked for their " +
        "information, by the month the form was received. Each form is counted on its own, and a person who used " +
        "two forms is counted twice. These are not compared with the people served: they show who reaches the " +
        "service in other ways.";

    public const string Definitions =
        "Complainants are the people who made a complaint (adults and children) on the public forms and answered at " +
        "least one equality question. Answers are kept by month, not by day, so the report counts whole months: " +
        "every month that overlaps the period. People served are the people in family court cases the service " +
        "worked on at any time in the period (started on or before its last day and not ended before its first " +
        "day), from the courts' case data. Rates are complaints per 1,000 people served in the same group; " +
        "\u201CPrefer not to say\u201D and \u201CNot answered\u201D are shown but not compared.";
}

/// <summary>
/// Builds the equality monitoring report for a period: complainants by each characteristic against the people
/// served, with counts and proportions, and "who is not complaining" (complaints per 1,000 served, with groups
/// whose rate is significantly low flagged by <see cref="LowRateTest"/>). Every count is an SQL aggregate; no
/// record is loaded. Every table goes through <see cref="SmallNumbers"/> before it leaves this class, so no
/// caller (page, CSV, board paper) can show a small number.
/// </summary>
public sealed class EqualityReport(HeardDbContext db)
{
    private static readonly EqualitySource[] ComplaintSources = [EqualitySource.AdultComplaint, EqualitySource.ChildComplaint];
    public static readonly IReadOnlyList<EqualitySource> OtherSources = [EqualitySource.Compliment, EqualitySource.Feedback, EqualitySource.SubjectAccessRequest];

    public async Task<EqualityReportResult> BuildAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var firstMonth = EqualityMonitoring.MonthOf(period.From);
        var lastMonth = EqualityMonitoring.MonthOf(period.To);
        var afterLastMonth = lastMonth.AddMonths(1);

        var responses = db.EqualityResponses.AsNoTracking()
            .Where(r => ComplaintSources.Contains(r.Source) && r.ReceivedMonth >= firstMonth && r.ReceivedMonth <= lastMonth);
        var served = db.ServedPeople.AsNoTracking()
            .Where(p => p.StartedOn <= period.To && (p.EndedOn == null || p.EndedOn >= period.From));

        var complaints = await db.Cases.AsNoTracking()
            .CountAsync(c => c.Type == CaseType.Complaint && c.ReceivedOn >= firstMonth && c.ReceivedOn < afterLastMonth, cancellationToken);
        var answering = await responses.CountAsync(cancellationToken);
        var servedCount = await served.CountAsync(cancellationToken);

        var tables = new List<EqualityTable>();
        foreach (var question in EqualityCategories.Questions)
        {
            var complainantCounts = await CountByAsync(responses, ResponseAnswer(question), cancellationToken);
            var servedCounts = await CountByAsync(served, ServedAnswer(question), cancellationToken);
            tables.Add(Tabulate(question, complainantCounts, servedCounts));
        }

        var others = db.EqualityResponses.AsNoTracking()
            .Where(r => OtherSources.Contains(r.Source) && r.ReceivedMonth >= firstMonth && r.ReceivedMonth <= lastMonth);
        var otherTables = new List<EqualityFormsTable>();
        foreach (var question in EqualityCategories.Questions)
        {
            var counts = new List<IReadOnlyDictionary<string, long>>();
            foreach (var source in OtherSources)
            {
                counts.Add(await CountByAsync(others.Where(r => r.Source == source), ResponseAnswer(question), cancellationToken));
            }

            otherTables.Add(TabulateForms(question, counts));
        }

        return new EqualityReportResult(
            period,
            firstMonth,
            lastMonth,
            SmallNumbers.One(complaints),
            SmallNumbers.One(answering),
            SmallNumbers.One(servedCount),
            tables)
        {
            OtherForms = otherTables,
        };
    }

    /// <summary>One characteristic across the other forms, each form's column suppressed as a table of its own.</summary>
    public static EqualityFormsTable TabulateForms(EqualityQuestion question, IReadOnlyList<IReadOnlyDictionary<string, long>> countsByForm)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(countsByForm);
        var codes = question.Categories.Select(c => c.Code).Append(EqualityReportResult.NotAnsweredCode).ToList();
        var labels = question.Categories.Select(c => c.Label).Append(EqualityCategories.NotAnsweredLabel).ToList();
        var columns = countsByForm.Select(counts => SmallNumbers.Apply(codes.Select(c => counts.TryGetValue(c, out var n) ? n : 0).ToList())).ToList();
        var rows = codes.Select((code, i) => new EqualityFormsRow(code, labels[i], columns.Select(c => c.Cells[i]).ToList())).ToList();
        return new EqualityFormsTable(question, OtherSources, rows, columns.Select(c => c.Total).ToList());
    }

    /// <summary>Suppresses and compares one characteristic; public so the rules can be tested with known counts.</summary>
    public static EqualityTable Tabulate(EqualityQuestion question, IReadOnlyDictionary<string, long> complainants, IReadOnlyDictionary<string, long> served)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(complainants);
        ArgumentNullException.ThrowIfNull(served);
        var codes = question.Categories.Select(c => c.Code).Append(EqualityReportResult.NotAnsweredCode).ToList();
        var labels = question.Categories.Select(c => c.Label).Append(EqualityCategories.NotAnsweredLabel).ToList();
        long Get(IReadOnlyDictionary<string, long> counts, string code) => counts.TryGetValue(code, out var n) ? n : 0;

        var complainantTable = SmallNumbers.Apply(codes.Select(c => Get(complainants, c)).ToList());
        var servedTable = SmallNumbers.Apply(codes.Select(c => Get(served, c)).ToList());

        // Compare only the groups people chose; "prefer not to say" and "not answered" have no matching served group.
        var compared = codes.Select((code, i) => (code, i))
            .Where(x => x.code is not EqualityCategories.PreferNotToSay and not EqualityReportResult.NotAnsweredCode)
            .ToList();
        var findings = LowRateTest.Assess(compared.Select(x => new RateGroup(labels[x.i], Get(complainants, x.code), Get(served, x.code))).ToList());
        var byIndex = compared.Select((x, k) => (x.i, finding: findings[k])).ToDictionary(x => x.i, x => x.finding);

        var rows = codes.Select((code, i) =>
        {
            var c = complainantTable.Cells[i];
            var s = servedTable.Cells[i];
            var finding = byIndex.GetValueOrDefault(i);
            // A rate from a hidden count would give the count back (rate × served ÷ 1,000), so it is hidden too.
            var rate = finding is not null && c.Shown && s.Shown ? finding.RatePerThousand : null;
            return new EqualityGroupRow(code, labels[i], c, c.ShareOf(complainantTable.Total), s, s.ShareOf(servedTable.Total), rate, finding?.SignificantlyLow ?? false, finding is not null);
        }).ToList();

        var comparedComplaints = compared.Sum(x => Get(complainants, x.code));
        var comparedServed = compared.Sum(x => Get(served, x.code));
        double? overall = comparedServed > 0 && !SmallNumbers.IsSmall(comparedComplaints) ? 1000.0 * comparedComplaints / comparedServed : null;
        return new EqualityTable(question, rows, complainantTable.Total, servedTable.Total, overall);
    }

    private static async Task<Dictionary<string, long>> CountByAsync<T>(IQueryable<T> rows, Expression<Func<T, string?>> key, CancellationToken cancellationToken)
    {
        var counts = await rows.GroupBy(key).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key ?? EqualityReportResult.NotAnsweredCode, c => c.Count, StringComparer.Ordinal);
    }

    private static Expression<Func<EqualityResponse, string?>> ResponseAnswer(EqualityQuestion question) => question.Key switch
    {
        "ethnicity" => r => r.Ethnicity,
        "disability" => r => r.Disability,
        "sex" => r => r.Sex,
        "age" => r => r.AgeBand,
        _ => throw new ArgumentException($"Unknown question {question.Key}.", nameof(question)),
    };

    private static Expression<Func<ServedPerson, string?>> ServedAnswer(EqualityQuestion question) => question.Key switch
    {
        "ethnicity" => p => p.Ethnicity,
        "disability" => p => p.Disability,
        "sex" => p => p.Sex,
        "age" => p => p.AgeBand,
        _ => throw new ArgumentException($"Unknown question {question.Key}.", nameof(question)),
    };
}
