using Heard.Domain.Records;

namespace Heard.Application.Ombudsman;

/// <summary>The Parliamentary and Health Service Ombudsman's look at a complaint (which is linked with a <c>CaseLink</c>).</summary>
public class OmbudsmanCase
{
    public Guid CaseId { get; set; }
    public required string PhsoReference { get; set; }
    public OmbudsmanStage Stage { get; set; }
    public OmbudsmanOutcome? Outcome { get; set; }
    public DateOnly? OutcomeOn { get; set; }
    public string? OutcomeSummary { get; set; }
    public List<OmbudsmanInformationRequest> InformationRequests { get; } = [];
    public List<OmbudsmanRecommendation> Recommendations { get; } = [];
}

/// <summary>Information the Ombudsman asked for, by a date the Ombudsman set.</summary>
public class OmbudsmanInformationRequest
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public int Number { get; set; }
    public required string Request { get; set; }
    public DateOnly RequestedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? SentOn { get; set; }
}

/// <summary>
/// What the Ombudsman recommended, to be complied with by a date, with evidence of compliance. A financial remedy
/// records the amount in pence (whole numbers add up exactly in SQL on both databases).
/// </summary>
public class OmbudsmanRecommendation
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
    public DateOnly ComplianceDueOn { get; set; }
    public string? Evidence { get; set; }
    public DateOnly? CompliedOn { get; set; }
    public long? RemedyPence { get; set; }
    public DateOnly? RemedyPaidOn { get; set; }

    /// <summary>Past its compliance date with no evidence of compliance.</summary>
    public bool IsOverdue(DateOnly today) => CompliedOn is null && ComplianceDueOn < today;
}
