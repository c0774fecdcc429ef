using Heard.Domain.Reporting;

namespace Heard.Application.Reporting;

/// <summary>Red, amber or green for a timeliness percentage; <see cref="None"/> when nothing was measured.</summary>
public enum Rag
{
    None = 0,
    Red = 1,
    Amber = 2,
    Green = 3,
}

/// <summary>
/// The timeliness thresholds (configuration <c>Heard:Reports:Rag:Green</c> and <c>:Amber</c>, percentages): green at
/// or above <see cref="Green"/>, amber at or above <see cref="Amber"/>, red below.
/// </summary>
public sealed record RagThresholds(double Green, double Amber)
{
    public static RagThresholds Default { get; } = new(90, 75);

    public Rag Of(double? percent) => percent switch
    {
        null => Rag.None,
        var p when p >= Green => Rag.Green,
        var p when p >= Amber => Rag.Amber,
        _ => Rag.Red,
    };

    public static string Describe(Rag rag) => rag switch
    {
        Rag.Green => "Green",
        Rag.Amber => "Amber",
        Rag.Red => "Red",
        _ => "Not measured",
    };

    public string Explain => $"Green: {Green:0.#}% or more on time. Amber: {Amber:0.#}% to under {Green:0.#}%. Red: under {Amber:0.#}%.";
}

/// <summary>Deadlines met on time and late (including overdue ones not yet met).</summary>
public sealed record Timeliness(long OnTime, long Late)
{
    public static Timeliness Empty { get; } = new(0, 0);

    public long Measured => OnTime + Late;

    public double? Percent => Measured == 0 ? null : 100.0 * OnTime / Measured;

    public Timeliness Add(Timeliness other) => new(OnTime + other.OnTime, Late + other.Late);
}

/// <summary>The complaint figures for adults or for children.</summary>
public sealed record AudienceFigures(
    long Complaints,
    Timeliness Acknowledged,
    Timeliness Responded,
    long Responses,
    double? AverageWorkingDays,
    int? MedianWorkingDays,
    long Decided,
    long Upheld,
    long Premature,
    long Withdrawn)
{
    public double? UpheldPercent => Decided == 0 ? null : 100.0 * Upheld / Decided;
}

/// <summary>Feedback from adults or from children.</summary>
public sealed record FeedbackFigures(long Responses, long Scored, long ScoreTotal, long Positive)
{
    public double? Average => Scored == 0 ? null : (double)ScoreTotal / Scored;

    public double? PercentPositive => Scored == 0 ? null : 100.0 * Positive / Scored;
}

/// <summary>One row of the tables by service area or by law type.</summary>
public sealed record BreakdownRow(
    string Key,
    string Name,
    long AdultComplaints,
    long ChildComplaints,
    long MpEnquiries,
    Timeliness Responded,
    long Premature,
    long Withdrawn,
    long FamilyCourtCases,
    RateFinding Rate)
{
    public long Complaints => AdultComplaints + ChildComplaints;
}

public sealed record CountRow(string Key, string Name, long Count);

public sealed record RemedyRow(string Kind, long Count, decimal Amount);

/// <summary>Every figure for one period.</summary>
public sealed record PeriodFigures(
    ReportPeriod Period,
    IReadOnlyDictionary<string, long> Volumes,
    AudienceFigures Adults,
    AudienceFigures Children,
    FeedbackFigures AdultFeedback,
    FeedbackFigures ChildFeedback,
    IReadOnlyList<BreakdownRow> ByArea,
    IReadOnlyList<BreakdownRow> ByLawType,
    IReadOnlyList<CountRow> TopThemes,
    IReadOnlyList<RemedyRow> Remedies,
    IReadOnlyList<CountRow> OmbudsmanOutcomes,
    IReadOnlyList<CountRow> WithdrawnFrom)
{
    public long Volume(string figure) => Volumes.TryGetValue(figure, out var n) ? n : 0;

    public decimal CompensationPaid => Remedies.Sum(r => r.Amount);
}

/// <summary>The board report: a period beside the same period a year earlier, as at a day.</summary>
public sealed record BoardReportResult(PeriodFigures Current, PeriodFigures YearEarlier, DateOnly AsOf, RagThresholds Rag);
