namespace Heard.Application.Procedure;

/// <summary>
/// Where a complaint has got in its procedure and the decisions made on the way, kept beside the case (one row per
/// complaint) so that the case page, queues and reports can read them without replaying the history. Every change
/// to it is made by <see cref="ComplaintProcedure"/> with an event in the same transaction.
/// </summary>
public class ComplaintProgress
{
    public Guid CaseId { get; set; }

    /// <summary>How eligibility was decided: the step taken (<c>accept</c>, <c>accept-by-discretion</c>, <c>refuse-out-of-time</c> …).</summary>
    public string? EligibilityDecision { get; set; }
    public DateOnly? EligibilityDecidedOn { get; set; }

    /// <summary>For a complaint out of time accepted anyway: the criterion it was accepted against.</summary>
    public string? DiscretionCriterion { get; set; }

    /// <summary>For something that was not a complaint: where it was passed to.</summary>
    public string? Route { get; set; }
    public bool? CopyToCourt { get; set; }

    public DateOnly? ConsentGivenOn { get; set; }
    public Guid? LocalServiceManagerId { get; set; }
    public DateOnly? LocalServiceManagerAssignedOn { get; set; }
    public DateOnly? EarlyContactOn { get; set; }

    /// <summary>Whether early resolution resolved it (true), failed (false) or was not tried (null).</summary>
    public bool? ResolvedEarly { get; set; }

    public Guid? ResponsibleManagerId { get; set; }
    public DateOnly? ResponsibleManagerAssignedOn { get; set; }

    /// <summary>The responsible manager's declaration: null until made, then whether there is a conflict.</summary>
    public bool? ConflictOfInterest { get; set; }
    public string? ConflictDetails { get; set; }

    public DateOnly? ConversationOfferedOn { get; set; }
    public DateOnly? ConversationHeldOn { get; set; }

    /// <summary>For a child: the day of the in-depth conversation with the children's complaints manager.</summary>
    public DateOnly? FirstContactOn { get; set; }

    public DateOnly? ResponseSentOn { get; set; }
    public string? WithdrawnReason { get; set; }
    public int HoldingLetters { get; set; }
    public int Reopened { get; set; }
}
