namespace Heard.Application.Learning;

/// <summary>Where an action stands. An open action becomes done (with evidence) or is cancelled (with a reason).</summary>
public enum LearningActionStatus
{
    Open = 1,
    Done = 2,
    Cancelled = 3,
}

/// <summary>How far the learning is taken: to the practitioner, their team, the service area, or the whole service.</summary>
public enum CascadeLevel
{
    Practitioner = 1,
    Team = 2,
    ServiceArea = 3,
    National = 4,
}

public static class LearningVocabulary
{
    public static string Describe(this CascadeLevel level) => level switch
    {
        CascadeLevel.Practitioner => "Practitioner",
        CascadeLevel.Team => "Team",
        CascadeLevel.ServiceArea => "Service area",
        CascadeLevel.National => "National",
        _ => level.ToString(),
    };

    public static string Describe(this LearningActionStatus status) => status switch
    {
        LearningActionStatus.Open => "Open",
        LearningActionStatus.Done => "Done",
        LearningActionStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}

/// <summary>
/// Something to be done because of what a complaint taught the service: by whom, by when, how far it is cascaded,
/// and the evidence that it was done. It belongs to a case and may answer one of the case's learning points.
/// </summary>
public class LearningAction
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid? LearningPointId { get; set; }
    public required string Description { get; set; }

    /// <summary>The member of staff who will do it (a user in the staff directory).</summary>
    public Guid OwnerId { get; set; }
    public required string OwnerName { get; set; }
    public DateOnly DueOn { get; set; }
    public LearningActionStatus Status { get; set; } = LearningActionStatus.Open;
    public CascadeLevel Level { get; set; }

    /// <summary>The team the learning goes to (team level).</summary>
    public Guid? TeamId { get; set; }

    /// <summary>The service area the learning belongs to: chosen for area level, the team's or the case's otherwise; none for national.</summary>
    public Guid? ServiceAreaId { get; set; }
    public required string ThemeCode { get; set; }

    /// <summary>What shows it was done (required to mark it done).</summary>
    public string? Evidence { get; set; }

    /// <summary>The UK date it was done or cancelled.</summary>
    public DateOnly? ClosedOn { get; set; }
    public string? CancelledReason { get; set; }
    public Guid? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The UK date it was set (counts "as at" a date use it).</summary>
    public DateOnly CreatedOn { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOverdue(DateOnly today) => Status == LearningActionStatus.Open && DueOn < today;
}

/// <summary>One change to the themes taxonomy: who, when, what (before and after).</summary>
public class ThemeChange
{
    public long Id { get; set; }
    public required string ThemeCode { get; set; }

    /// <summary><c>added</c>, <c>changed</c>, <c>retired</c>, <c>reinstated</c> or <c>moved</c>.</summary>
    public required string Kind { get; set; }
    public required string Summary { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public Guid? ById { get; set; }
    public required string ByName { get; set; }
    public DateTime At { get; set; }
}
