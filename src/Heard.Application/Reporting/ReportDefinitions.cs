using Heard.Domain.Procedure;
using Heard.Domain.Reporting;

namespace Heard.Application.Reporting;

/// <summary>
/// What each figure on the board report means, written on the report and shown to a board reader who asks for the
/// records behind a figure (they get the definition, never the records). The known-answer tests pin each one.
/// </summary>
public static class ReportDefinitions
{
    public const string Period =
        "Every figure counts records received in the period (the day of receipt in England, which is day 0 of every " +
        "clock), except feedback, which counts the day it was given, and family court cases, which count every case " +
        "the service was involved in on any day of the period. Each period is shown beside the same dates a year earlier.";

    public const string ClockStarts =
        "The clock starts on the day of receipt (day 0); working days are Monday to Friday except bank holidays in " +
        "England and Wales and closure days in Heard's calendar.";

    public const string OnTime =
        "On time: the acknowledgement or response was sent on or before its due date as computed by the deadline " +
        "engine, which includes agreed extensions and pauses. A deadline not yet met whose due date has passed " +
        "(as at the day the report is produced) counts as late; one not yet due is not counted either way. The " +
        "percentage is on time ÷ (on time + late).";

    public const string WorkingDays =
        "Working days to respond: working days after the day of receipt up to and including the day the response was " +
        "sent, for complaints whose response has been sent. The median is the middle value (the lower middle for an " +
        "even count).";

    public const string Upheld =
        "Upheld rate: complaints with at least one issue upheld or partly upheld ÷ complaints with at least one issue " +
        "decided (upheld, partly upheld or not upheld). Issues with no finding are left out.";

    public const string Premature =
        "Premature: a complaint closed as a matter of professional judgement for the court (" +
        "\u201C" + "Matter for the court" + "\u201D" + ") or as not a complaint and passed to the right route " +
        "(\u201C" + "Not a complaint \u2013 passed on" + "\u201D" + "): the person complained before the route that could " +
        "help them (the court, or another process) had been used.";

    public const string Withdrawn =
        "Started then withdrawn: complaints now withdrawn, by the state they were in when the person withdrew " +
        "(read from the history of each case).";

    public const string Rate =
        "Complaints per 1,000 family court cases: complaints (adults' and children's) received in the period ÷ the " +
        "family court cases in Heard's data for that area or law type that were open on any day of the period, × 1,000. " +
        "Complaints not linked to an area or law type are left out of that table.";

    public const string Feedback =
        "Feedback: responses given in the period. Average score: the mean of the headline 1\u20135 score of the " +
        "responses that gave one. Positive: a score of 4 or 5, as a share of responses with a score.";

    public const string Remedies =
        "Remedies and compensation: remedies recorded on complaints received in the period; compensation is the sum " +
        "of financial redress amounts.";

    public const string Ombudsman =
        "Ombudsman outcomes: Ombudsman cases received in the period, by the outcome recorded so far.";

    public static string RateTest => LowRateTest.Description;

    /// <summary>The states that make a complaint "premature" (see <see cref="Premature"/>).</summary>
    public static readonly IReadOnlyList<string> PrematureStates = [ComplaintStates.RedirectedToCourt, ComplaintStates.NotAComplaint];

    public static IReadOnlyList<(string Term, string Definition)> All =>
    [
        ("Period", Period),
        ("Which date starts the clock", ClockStarts),
        ("On time", OnTime),
        ("Working days to respond", WorkingDays),
        ("Upheld rate", Upheld),
        ("Complaints per 1,000 family court cases", Rate),
        ("Significantly low", RateTest),
        ("Premature complaints", Premature),
        ("Started then withdrawn", Withdrawn),
        ("Feedback", Feedback),
        ("Remedies and compensation", Remedies),
        ("Ombudsman outcomes", Ombudsman),
    ];
}
