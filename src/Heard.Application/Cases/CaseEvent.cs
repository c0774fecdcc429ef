namespace Heard.Application.Cases;

/// <summary>
/// One immutable entry in a case's history: who did what, when, why, and what changed. The history page, the
/// deadlines, the reports and the audit all read from these. Rows are only ever added (the context refuses
/// updates and deletes).
/// </summary>
public class CaseEvent
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }

    /// <summary>A short code, for example <c>received</c>, <c>transition</c>, <c>assigned</c>, <c>deadline-changed</c>.</summary>
    public required string Kind { get; set; }

    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? ActorRole { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public string? Reason { get; set; }

    /// <summary>A readable one-line summary shown in the history.</summary>
    public required string Summary { get; set; }

    /// <summary>Structured before/after data as JSON.</summary>
    public string? Data { get; set; }
}
