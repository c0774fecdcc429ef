namespace Heard.Application.Procedure;

public enum RemedyKind
{
    Apology = 1,
    Explanation = 2,
    Action = 3,
    FinancialRedress = 4,
}

/// <summary>
/// How the service puts something right: an apology, an explanation, an action, or a payment (with its amount and
/// reason). A payment above the policy's threshold needs approval by the role the policy names before the
/// response goes.
/// </summary>
public class Remedy
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>The issue it answers, when it answers one.</summary>
    public int? IssueNumber { get; set; }
    public RemedyKind Kind { get; set; }

    /// <summary>What it is and why: what the apology is for, the action taken, the reason for a payment.</summary>
    public required string Reason { get; set; }
    public decimal? Amount { get; set; }
    public bool NeedsApproval { get; set; }
    public Guid? ApprovedById { get; set; }
    public string? ApprovedByName { get; set; }
    public string? ApproverRole { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAt { get; set; }

    public bool AwaitingApproval => NeedsApproval && ApprovedAt is null;
}

public static class RemedyKinds
{
    public static string Describe(this RemedyKind kind) => kind switch
    {
        RemedyKind.Apology => "Apology",
        RemedyKind.Explanation => "Explanation",
        RemedyKind.Action => "Action",
        _ => "Financial redress",
    };
}
