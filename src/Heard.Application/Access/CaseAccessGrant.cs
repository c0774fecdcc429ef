namespace Heard.Application.Access;

/// <summary>A person named on a restricted case: only named people see a restricted case.</summary>
public class CaseAccessGrant
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid UserId { get; set; }
    public DateTime GrantedAt { get; set; }
    public Guid? GrantedById { get; set; }
}

/// <summary>One view of a case: who, when, how. Written in the request that showed the case; never changed.</summary>
public class CaseAccessLog
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? ServiceAccountId { get; set; }
    public required string ViewerName { get; set; }
    public string? ViewerRole { get; set; }
    public DateTime At { get; set; }

    /// <summary>How it was seen, for example <c>case-page</c> or <c>api-status</c>.</summary>
    public required string Via { get; set; }
}
