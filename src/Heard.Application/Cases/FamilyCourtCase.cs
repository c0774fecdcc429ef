using Heard.Domain.Cases;

namespace Heard.Application.Cases;

/// <summary>A family court case the service worked on, as known from the case management system.</summary>
public class FamilyCourtCase
{
    public Guid Id { get; set; }
    public required string CaseNumber { get; set; }
    public LawType LawType { get; set; }
    public Guid ServiceAreaId { get; set; }
    public Guid? PractitionerId { get; set; }
    public int ChildrenCount { get; set; } = 1;
    public DateOnly StartedOn { get; set; }

    /// <summary>When the service's involvement ended; the 2013 procedure's six-month time limit runs from here.</summary>
    public DateOnly? InvolvementEndedOn { get; set; }
}
