namespace Heard.Domain.Procedure;

/// <summary>
/// The state codes a complaint moves through. Policies (data) say which transitions between them are allowed and
/// who may make them; these names are the shared vocabulary of policies, queues and reports.
/// </summary>
public static class ComplaintStates
{
    public const string Received = "received";
    public const string Acknowledged = "acknowledged";

    /// <summary>Accepted under the procedure (in time, or out of time by a recorded discretion decision).</summary>
    public const string Accepted = "accepted";

    /// <summary>Out of time and refused: closed with an out-of-time letter.</summary>
    public const string RefusedOutOfTime = "refused-out-of-time";

    /// <summary>A matter of professional judgement for the court: explained and redirected.</summary>
    public const string RedirectedToCourt = "redirected-to-court";

    /// <summary>Not a complaint: passed to the right route (an SAR, a compliment, a safeguarding concern...).</summary>
    public const string NotAComplaint = "not-a-complaint";

    /// <summary>Early (informal) resolution offered and the person's consent awaited.</summary>
    public const string AwaitingConsent = "awaiting-consent";

    /// <summary>A local service manager is trying to resolve it with the person's written consent.</summary>
    public const string EarlyResolution = "early-resolution";

    /// <summary>Formal investigation by a responsible manager.</summary>
    public const string Investigation = "investigation";

    public const string ResponseSent = "response-sent";
    public const string Closed = "closed";
    public const string Withdrawn = "withdrawn";

    /// <summary>Every state a policy may use, in the order a complaint usually meets them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Received, Acknowledged, Accepted, RefusedOutOfTime, RedirectedToCourt, NotAComplaint,
        AwaitingConsent, EarlyResolution, Investigation, ResponseSent, Closed, Withdrawn,
    ];

    /// <summary>States in which nobody owes the person anything more.</summary>
    public static readonly IReadOnlySet<string> Finished = new HashSet<string>(StringComparer.Ordinal)
    {
        Closed, Withdrawn, RefusedOutOfTime, RedirectedToCourt, NotAComplaint,
    };

    public static string Describe(string state) => state switch
    {
        Received => "Received",
        Acknowledged => "Acknowledged",
        Accepted => "Accepted",
        RefusedOutOfTime => "Out of time – refused",
        RedirectedToCourt => "Matter for the court",
        NotAComplaint => "Not a complaint – passed on",
        AwaitingConsent => "Awaiting consent",
        EarlyResolution => "Early resolution",
        Investigation => "Investigation",
        ResponseSent => "Response sent",
        Closed => "Closed",
        Withdrawn => "Withdrawn",
        _ => state,
    };
}
