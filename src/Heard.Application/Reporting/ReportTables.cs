using System.Globalization;
using Heard.Domain.Cases;

namespace Heard.Application.Reporting;

/// <summary>A cell: its text as shown, and its number when it is one (so a spreadsheet gets a number, not text).</summary>
public sealed record ReportCell(string Text, double? Number = null, string? Figure = null)
{
    public static ReportCell Count(long n, string? figure = null) => new(n.ToString("N0", Culture), n, figure);

    public static ReportCell Percent(double? p) => p is { } v ? new($"{v:0.0}%", Math.Round(v, 1)) : new("\u2013");

    public static ReportCell Value(double? d, string format = "0.00") => d is { } v ? new(v.ToString(format, Culture), Math.Round(v, 2)) : new("\u2013");

    public static ReportCell Money(decimal amount) => new(amount.ToString("C", Culture), (double)amount);

    public static implicit operator ReportCell(string text) => new(text);

    internal static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");
}

/// <summary>
/// One table of the report as the page, the CSV and the spreadsheet all show it. <see cref="Id"/> names it in export
/// links; a cell with a <see cref="ReportCell.Figure"/> links to the records behind it (with the row's area or law type).
/// </summary>
public sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows);

public sealed record ReportRow(IReadOnlyList<ReportCell> Cells, Guid? ServiceAreaId = null, LawType? LawType = null);

/// <summary>The report's tables, in the order of the board paper.</summary>
public static class ReportTables
{
    public static IReadOnlyList<ReportTable> From(BoardReportResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = report.Current;
        var then = report.YearEarlier;
        var rag = report.Rag;
        return
        [
            Volumes(now, then),
            Timeliness(now, then, rag),
            WorkingDays(now, then),
            Findings(now, then),
            Breakdown("by-area", "Complaints by service area", "Service area", now.ByArea, rag, area: true),
            Breakdown("by-law-type", "Complaints by law type", "Law type", now.ByLawType, rag, area: false),
            Rates("rates-by-area", "Who is not complaining: complaints per 1,000 family court cases, by service area", "Service area", now.ByArea, then.ByArea, area: true),
            Rates("rates-by-law-type", "Who is not complaining: complaints per 1,000 family court cases, by law type", "Law type", now.ByLawType, then.ByLawType, area: false),
            new ReportTable("premature", "Who complains prematurely and who withdraws", ["Measure", now.Period.Name, then.Period.Name],
            [
                new([new("Premature complaints (adults)"), ReportCell.Count(now.Adults.Premature, ReportFigures.Premature), ReportCell.Count(then.Adults.Premature)]),
                new([new("Premature complaints (children)"), ReportCell.Count(now.Children.Premature, ReportFigures.Premature), ReportCell.Count(then.Children.Premature)]),
                new([new("Started then withdrawn (adults)"), ReportCell.Count(now.Adults.Withdrawn, ReportFigures.Withdrawn), ReportCell.Count(then.Adults.Withdrawn)]),
                new([new("Started then withdrawn (children)"), ReportCell.Count(now.Children.Withdrawn, ReportFigures.Withdrawn), ReportCell.Count(then.Children.Withdrawn)]),
            ]),
            Counts("withdrawn-from", "Withdrawn complaints by the state they were withdrawn from", "Withdrawn from", now.WithdrawnFrom, then.WithdrawnFrom, now.Period.Name, then.Period.Name),
            Counts("themes", "Top themes of complaints (issues raised)", "Theme", now.TopThemes, then.TopThemes, now.Period.Name, then.Period.Name),
            new ReportTable("remedies", "Remedies and compensation", ["Remedy", $"Number ({now.Period.Name})", $"Amount ({now.Period.Name})", $"Number ({then.Period.Name})", $"Amount ({then.Period.Name})"],
                Union(now.Remedies.Select(r => r.Kind), then.Remedies.Select(r => r.Kind)).Select(kind =>
                {
                    var a = now.Remedies.FirstOrDefault(r => r.Kind == kind);
                    var b = then.Remedies.FirstOrDefault(r => r.Kind == kind);
                    return new ReportRow([new(kind), ReportCell.Count(a?.Count ?? 0), ReportCell.Money(a?.Amount ?? 0), ReportCell.Count(b?.Count ?? 0), ReportCell.Money(b?.Amount ?? 0)]);
                }).Append(new ReportRow([new("Total compensation paid"), new(""), ReportCell.Money(now.CompensationPaid), new(""), ReportCell.Money(then.CompensationPaid)])).ToList()),
            Counts("ombudsman", "Ombudsman (PHSO) outcomes", "Outcome", now.OmbudsmanOutcomes, then.OmbudsmanOutcomes, now.Period.Name, then.Period.Name),
            new ReportTable("feedback", "Feedback from children and adults", ["Measure", now.Period.Name, then.Period.Name],
            [
                new([new("Children: responses"), ReportCell.Count(now.ChildFeedback.Responses, ReportFigures.Feedback), ReportCell.Count(then.ChildFeedback.Responses)]),
                new([new("Children: average score (out of 5)"), ReportCell.Value(now.ChildFeedback.Average), ReportCell.Value(then.ChildFeedback.Average)]),
                new([new("Children: positive (4 or 5)"), ReportCell.Percent(now.ChildFeedback.PercentPositive), ReportCell.Percent(then.ChildFeedback.PercentPositive)]),
                new([new("Adults: responses"), ReportCell.Count(now.AdultFeedback.Responses, ReportFigures.Feedback), ReportCell.Count(then.AdultFeedback.Responses)]),
                new([new("Adults: average score (out of 5)"), ReportCell.Value(now.AdultFeedback.Average), ReportCell.Value(then.AdultFeedback.Average)]),
                new([new("Adults: positive (4 or 5)"), ReportCell.Percent(now.AdultFeedback.PercentPositive), ReportCell.Percent(then.AdultFeedback.PercentPositive)]),
            ]),
        ];
    }

    private static ReportTable Volumes(PeriodFigures now, PeriodFigures then)
    {
        (string Figure, string Name)[] kinds =
        [
            (ReportFigures.AdultComplaints, "Adult complaints"),
            (ReportFigures.ChildComplaints, "Children's complaints"),
            (ReportFigures.MpEnquiries, "MP enquiries"),
            (ReportFigures.OmbudsmanCases, "Ombudsman (PHSO) cases"),
            (ReportFigures.SubjectAccessRequests, "Subject access requests"),
            (ReportFigures.Compliments, "Compliments"),
            (ReportFigures.Feedback, "Feedback responses"),
        ];
        return new ReportTable("volumes", "Volumes by type", ["Record type", now.Period.Name, then.Period.Name, "Change"],
            kinds.Select(k => new ReportRow([new(k.Name), ReportCell.Count(now.Volume(k.Figure), k.Figure), ReportCell.Count(then.Volume(k.Figure)), Change(now.Volume(k.Figure), then.Volume(k.Figure))])).ToList());
    }

    private static ReportCell Change(long now, long then) =>
        then == 0 ? new("\u2013") : new($"{100.0 * (now - then) / then:+0.0;-0.0;0.0}%", Math.Round(100.0 * (now - then) / then, 1));

    private static ReportTable Timeliness(PeriodFigures now, PeriodFigures then, RagThresholds rag)
    {
        ReportRow Row(string name, Timeliness a, Timeliness b, string figure) => new(
        [
            new(name),
            ReportCell.Count(a.OnTime, figure),
            ReportCell.Count(a.Measured),
            ReportCell.Percent(a.Percent),
            new(RagThresholds.Describe(rag.Of(a.Percent))),
            ReportCell.Percent(b.Percent),
            new(RagThresholds.Describe(rag.Of(b.Percent))),
        ]);
        return new ReportTable("timeliness", "Timeliness", ["Measure", "On time", "Measured", now.Period.Name, "RAG", then.Period.Name, "RAG a year earlier"],
        [
            Row("Adult complaints acknowledged on time", now.Adults.Acknowledged, then.Adults.Acknowledged, ReportFigures.AcknowledgedOnTime),
            Row("Adult complaints responded to on time", now.Adults.Responded, then.Adults.Responded, ReportFigures.RespondedOnTime),
            Row("Children's complaints acknowledged on time", now.Children.Acknowledged, then.Children.Acknowledged, ReportFigures.AcknowledgedOnTime),
            Row("Children's complaints responded to on time", now.Children.Responded, then.Children.Responded, ReportFigures.RespondedOnTime),
        ]);
    }

    private static ReportTable WorkingDays(PeriodFigures now, PeriodFigures then)
    {
        static ReportCell Median(AudienceFigures a) => a.MedianWorkingDays is { } m ? ReportCell.Count(m) : new("\u2013");
        ReportRow Row(string name, AudienceFigures a, AudienceFigures b) =>
            new([new(name), ReportCell.Count(a.Responses), ReportCell.Value(a.AverageWorkingDays, "0.0"), Median(a), ReportCell.Value(b.AverageWorkingDays, "0.0"), Median(b)]);
        return new ReportTable("working-days", "Working days to respond",
            ["Complaints from", "Responses sent", $"Average {now.Period.Name}", $"Median {now.Period.Name}", $"Average {then.Period.Name}", $"Median {then.Period.Name}"],
            [Row("Adults", now.Adults, then.Adults), Row("Children", now.Children, then.Children)]);
    }

    private static ReportTable Findings(PeriodFigures now, PeriodFigures then) =>
        new("findings", "Findings: complaints upheld fully or in part", ["Complaints from", "Decided", "Upheld fully or in part", $"Upheld rate {now.Period.Name}", $"Upheld rate {then.Period.Name}"],
        [
            new([new("Adults"), ReportCell.Count(now.Adults.Decided), ReportCell.Count(now.Adults.Upheld, ReportFigures.Upheld), ReportCell.Percent(now.Adults.UpheldPercent), ReportCell.Percent(then.Adults.UpheldPercent)]),
            new([new("Children"), ReportCell.Count(now.Children.Decided), ReportCell.Count(now.Children.Upheld, ReportFigures.Upheld), ReportCell.Percent(now.Children.UpheldPercent), ReportCell.Percent(then.Children.UpheldPercent)]),
        ]);

    private static ReportTable Breakdown(string id, string title, string groupName, IReadOnlyList<BreakdownRow> rows, RagThresholds rag, bool area) =>
        new(id, title, [groupName, "Adult complaints", "Children's complaints", "MP enquiries", "Responded on time", "RAG", "Premature", "Withdrawn"],
            rows.Select(r => new ReportRow(
            [
                new(r.Name),
                ReportCell.Count(r.AdultComplaints, ReportFigures.AdultComplaints),
                ReportCell.Count(r.ChildComplaints, ReportFigures.ChildComplaints),
                ReportCell.Count(r.MpEnquiries, ReportFigures.MpEnquiries),
                ReportCell.Percent(r.Responded.Percent),
                new(RagThresholds.Describe(rag.Of(r.Responded.Percent))),
                ReportCell.Count(r.Premature, ReportFigures.Premature),
                ReportCell.Count(r.Withdrawn, ReportFigures.Withdrawn),
            ], area ? Guid.Parse(r.Key) : null, area ? null : Enum.Parse<LawType>(r.Key))).ToList());

    private static ReportTable Rates(string id, string title, string groupName, IReadOnlyList<BreakdownRow> rows, IReadOnlyList<BreakdownRow> earlier, bool area) =>
        new(id, title, [groupName, "Complaints", "Family court cases", "Per 1,000", "Significantly low", "Per 1,000 a year earlier"],
            rows.Select(r => new ReportRow(
            [
                new(r.Name),
                ReportCell.Count(r.Complaints, ReportFigures.Complaints),
                ReportCell.Count(r.FamilyCourtCases),
                ReportCell.Value(r.Rate.RatePerThousand, "0.0"),
                new(r.Rate.SignificantlyLow ? "Yes" : "No"),
                ReportCell.Value(earlier.FirstOrDefault(e => e.Key == r.Key)?.Rate.RatePerThousand, "0.0"),
            ], area ? Guid.Parse(r.Key) : null, area ? null : Enum.Parse<LawType>(r.Key))).ToList());

    private static ReportTable Counts(string id, string title, string name, IReadOnlyList<CountRow> now, IReadOnlyList<CountRow> then, string nowName, string thenName) =>
        new(id, title, [name, nowName, thenName],
            Union(now.Select(r => r.Key), then.Select(r => r.Key)).Select(key => new ReportRow(
            [
                new((now.FirstOrDefault(r => r.Key == key) ?? then.First(r => r.Key == key)).Name),
                ReportCell.Count(now.FirstOrDefault(r => r.Key == key)?.Count ?? 0),
                ReportCell.Count(then.FirstOrDefault(r => r.Key == key)?.Count ?? 0),
            ])).ToList());

    private static List<string> Union(IEnumerable<string> a, IEnumerable<string> b) => a.Concat(b).Distinct(StringComparer.Ordinal).ToList();
}
