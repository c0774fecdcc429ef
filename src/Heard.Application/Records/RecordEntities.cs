namespace Heard.Application.Records;

/// <summary>
/// A link between two records: an MP enquiry or an Ombudsman case about a complaint, a subject access request
/// from someone who also complained. Both records show it (see the case page's <c>_Linked</c> section).
/// </summary>
public class CaseLink
{
    public Guid Id { get; set; }

    /// <summary>The record that is about the other one (the MP enquiry, the Ombudsman case).</summary>
    public Guid CaseId { get; set; }

    /// <summary>The record it is about (usually a complaint).</summary>
    public Guid LinkedCaseId { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
