namespace Heard.Domain.Procedure;

/// <summary>
/// The step codes that carry meaning beyond the policy's data: taking one also records a decision on the
/// complaint's progress (who the manager is, when consent was given, how eligibility was decided). A new policy
/// version may rename, re-permission or re-route these steps; a step with a new code gets the generic effects
/// only (state, deadlines, assignment, letter, history).
/// </summary>
public static class ProcedureSteps
{
    public const string Acknowledge = "acknowledge";
    public const string Accept = "accept";
    public const string AcceptByDiscretion = "accept-by-discretion";
    public const string RefuseOutOfTime = "refuse-out-of-time";
    public const string RedirectToCourt = "redirect-to-court";
    public const string NotAComplaint = "not-a-complaint";
    public const string OfferEarlyResolution = "offer-early-resolution";
    public const string RecordConsent = "record-consent";
    public const string RecordContact = "record-contact";
    public const string ConsentRefused = "consent-refused";
    public const string ResolveEarly = "resolve-early";
    public const string EarlyResolutionFailed = "early-resolution-failed";
    public const string StartInvestigation = "start-investigation";
    public const string ChangeManager = "change-manager";
    public const string DeclareConflict = "declare-conflict";
    public const string OfferConversation = "offer-conversation";
    public const string RecordConversation = "record-conversation";
    public const string RecordFirstContact = "record-first-contact";
    public const string HoldingLetter = "holding-letter";
    public const string SendResponse = "send-response";
    public const string Close = "close";
    public const string Withdraw = "withdraw";
    public const string Reopen = "reopen";
    public const string ReopenDecision = "reopen-decision";

    /// <summary>The steps that decide whether a complaint is taken under the procedure.</summary>
    public static readonly IReadOnlySet<string> Eligibility = new HashSet<string>(StringComparer.Ordinal)
    {
        Accept, AcceptByDiscretion, RefuseOutOfTime, RedirectToCourt, NotAComplaint,
    };
}
