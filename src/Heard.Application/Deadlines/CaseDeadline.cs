namespace Heard.Application.Deadlines;

/// <summary>
/// A date the service has promised, kept with the rule and the explanation of how it was reached. Open
/// deadlines are recomputed when the calendar or a rule changes; met ones and closed cases keep theirs.
/// </summary>
public class CaseDeadline
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>What is due, for example <c>acknowledgement</c>, <c>response</c>, <c>first-contact</c>, <c>information-request</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The rule as data, for example <c>working-days:15</c> (see <see cref="Domain.Calendar.DeadlineRule"/>).</summary>
    public required string Rule { get; set; }

    /// <summary>The day the clock started (day 0): receipt, or for a SAR the day identity was confirmed.</summary>
    public DateOnly StartsOn { get; set; }
    public DateOnly DueOn { get; set; }
    public required string Explanation { get; set; }

    /// <summary>When the promise was kept (for example the day the response was sent); a met deadline no longer moves.</summary>
    public DateOnly? MetOn { get; set; }
    public DateTime ComputedAt { get; set; }

    /// <summary>The calendar version (number of changes) it was last computed with.</summary>
    public int CalendarVersion { get; set; }

    public List<DeadlinePause> Pauses { get; set; } = [];
    public List<DeadlineExtensionEntry> Extensions { get; set; } = [];
}

/// <summary>A time the clock stood still (for example waiting for identity or clarification). No restart yet means still stopped.</summary>
public class DeadlinePause
{
    public DateOnly StoppedOn { get; set; }
    public DateOnly? RestartedOn { get; set; }
    public required string Reason { get; set; }
}

/// <summary>An agreed extension: by how much (a rule such as <c>working-days:5</c> or <c>calendar-months:2</c>), why, who agreed and when.</summary>
public class DeadlineExtensionEntry
{
    public required string By { get; set; }
    public required string Reason { get; set; }
    public required string AgreedBy { get; set; }
    public DateOnly AgreedOn { get; set; }
}
