using Heard.Domain.Records;

namespace Heard.Application.MpEnquiries;

/// <summary>
/// An MP's enquiry on behalf of a constituent. The constituent is the case's <c>Person</c>; the MP is here. Nothing
/// about the constituent may be sent to the MP until their consent is recorded.
/// </summary>
public class MpEnquiry
{
    public Guid CaseId { get; set; }
    public required string MpName { get; set; }
    public string? Constituency { get; set; }
    public string? MpEmail { get; set; }
    public string? MpAddress { get; set; }

    /// <summary>What the MP asks, in short.</summary>
    public required string Enquiry { get; set; }

    public DateOnly? ConsentRecordedOn { get; set; }
    public ConsentEvidence? ConsentHow { get; set; }
    public string? ConsentNote { get; set; }
    public string? ConsentRecordedBy { get; set; }

    public DateOnly? ResponseSentOn { get; set; }
    public string? ResponseSummary { get; set; }

    /// <summary>The response letter, once the letters system writes it (see <see cref="MpEnquiryHandling.RecordResponseSentAsync"/>).</summary>
    public Guid? ResponseLetterId { get; set; }

    public bool ConsentRecorded => ConsentRecordedOn is not null;
}
