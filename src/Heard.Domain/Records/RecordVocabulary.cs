namespace Heard.Domain.Records;

/// <summary>
/// The state codes of the record types other than complaints. Like <see cref="Procedure.ComplaintStates"/>, they
/// are the shared vocabulary of the case page, the team queues and the reports.
/// </summary>
public static class RecordStates
{
    // Compliments
    public const string ComplimentReceived = "received";
    public const string PassedOn = "passed-on";

    // MP enquiries
    public const string EnquiryReceived = "received";
    public const string ResponseSent = "response-sent";

    // Ombudsman (PHSO) cases: the stage is the state until the Ombudsman decides.
    public const string OmbudsmanEnquiry = "phso-enquiry";
    public const string OmbudsmanAssessment = "phso-assessment";
    public const string OmbudsmanInvestigation = "phso-investigation";
    public const string OmbudsmanDecided = "phso-decided";
    public const string OmbudsmanClosed = "closed";

    // Subject access requests
    public const string AwaitingIdentity = "awaiting-identity";
    public const string InProgress = "in-progress";
    public const string AwaitingClarification = "awaiting-clarification";
    public const string Disclosed = "disclosed";

    public static string Describe(string state) => state switch
    {
        "received" => "Received",
        PassedOn => "Passed on",
        ResponseSent => "Response sent",
        OmbudsmanEnquiry => "Ombudsman enquiry",
        OmbudsmanAssessment => "Ombudsman assessment",
        OmbudsmanInvestigation => "Ombudsman investigation",
        OmbudsmanDecided => "Ombudsman decided",
        "closed" => "Closed",
        AwaitingIdentity => "Waiting for proof of identity",
        InProgress => "In progress",
        AwaitingClarification => "Waiting for clarification",
        Disclosed => "Disclosed",
        _ => state,
    };
}

/// <summary>The stages of the Ombudsman's work on a complaint.</summary>
public enum OmbudsmanStage
{
    Enquiry = 1,
    Assessment = 2,
    Investigation = 3,
}

/// <summary>What the Ombudsman decided. Many enquiries end at assessment without an investigation.</summary>
public enum OmbudsmanOutcome
{
    Upheld = 1,
    PartlyUpheld = 2,
    NotUpheld = 3,
    NotInvestigated = 4,
}

/// <summary>Whose data a subject access request asks for, in relation to the person asking.</summary>
public enum SubjectRelationship
{
    /// <summary>The requester's own data.</summary>
    Self = 1,

    /// <summary>A parent (or someone with parental responsibility) asking for a child's data.</summary>
    ChildOfRequester = 2,

    /// <summary>A solicitor, advocate or other representative acting with the subject's authority.</summary>
    RepresentedPerson = 3,
}

/// <summary>How a constituent's consent to their MP acting for them was given.</summary>
public enum ConsentEvidence
{
    /// <summary>The MP's letter encloses or quotes the constituent's signed consent.</summary>
    SignedConsentFromMp = 1,

    /// <summary>The MP confirms in writing that the constituent has asked them to act.</summary>
    MpConfirmedInWriting = 2,

    /// <summary>The constituent confirmed it to us directly (phone, email or letter).</summary>
    ConstituentConfirmedToUs = 3,
}

/// <summary>Where a feedback response came from.</summary>
public enum FeedbackSource
{
    /// <summary>The public survey pages, without a tag.</summary>
    Web = 1,

    /// <summary>Through a QR code or short link printed on a letter (carries a tag).</summary>
    Letter = 2,

    /// <summary>Gathered in a collaborative audit and entered by staff.</summary>
    CollaborativeAudit = 3,
}

/// <summary>The point in the service's work that a letter carrying a feedback link is sent at.</summary>
public enum FeedbackStage
{
    Introduction = 1,
    DuringOurWork = 2,
    AfterTheReport = 3,
    EndOfOurWork = 4,
    ComplaintResponse = 5,
}

public static class RecordVocabulary
{
    public static string Describe(this OmbudsmanStage stage) => stage switch
    {
        OmbudsmanStage.Enquiry => "Enquiry",
        OmbudsmanStage.Assessment => "Assessment",
        _ => "Investigation",
    };

    public static string Describe(this OmbudsmanOutcome outcome) => outcome switch
    {
        OmbudsmanOutcome.Upheld => "Upheld",
        OmbudsmanOutcome.PartlyUpheld => "Partly upheld",
        OmbudsmanOutcome.NotUpheld => "Not upheld",
        _ => "Not investigated",
    };

    public static string Describe(this SubjectRelationship relationship) => relationship switch
    {
        SubjectRelationship.Self => "Their own information",
        SubjectRelationship.ChildOfRequester => "Their child's information",
        _ => "Information about someone they represent",
    };

    public static string Describe(this ConsentEvidence evidence) => evidence switch
    {
        ConsentEvidence.SignedConsentFromMp => "Signed consent sent by the MP",
        ConsentEvidence.MpConfirmedInWriting => "The MP confirmed it in writing",
        _ => "The constituent confirmed it to us",
    };

    public static string Describe(this FeedbackSource source) => source switch
    {
        FeedbackSource.Web => "Website",
        FeedbackSource.Letter => "Link on a letter",
        _ => "Collaborative audit",
    };

    public static string Describe(this FeedbackStage stage) => stage switch
    {
        FeedbackStage.Introduction => "Introduction letter",
        FeedbackStage.DuringOurWork => "During our work",
        FeedbackStage.AfterTheReport => "After the report to court",
        FeedbackStage.EndOfOurWork => "End of our work (goodbye letter)",
        _ => "Complaint response",
    };
}
