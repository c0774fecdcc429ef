using Heard.Domain.Cases;

namespace Heard.Application.Cases;

/// <summary>
/// The spine every record type shares: a reference given on receipt, who it is from, where it belongs, its state,
/// and an immutable history. Type-specific details hang off it.
/// </summary>
public class Case
{
    public Guid Id { get; set; }
    public required string Reference { get; set; }
    public CaseType Type { get; set; }
    public Audience Audience { get; set; }
    public Channel Channel { get; set; }

    /// <summary>The instant it reached the service (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>The day of receipt in England, which starts the clocks (day 0).</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The state code of the procedure the case follows, for example <c>received</c>.</summary>
    public required string State { get; set; }

    /// <summary>The policy version in force on the day it was received; a case keeps it for life.</summary>
    public string? PolicyCode { get; set; }

    public Guid? ServiceAreaId { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? AssignedToId { get; set; }

    /// <summary>Visible only to named people, for example a complaint about a manager.</summary>
    public bool Restricted { get; set; }

    public Person Person { get; set; } = new();

    public Guid? FamilyCourtCaseId { get; set; }
    public FamilyCourtCase? FamilyCourtCase { get; set; }

    /// <summary>The court case number as the person gave it, which may not match a known case.</summary>
    public string? CourtCaseNumber { get; set; }
    public LawType? LawType { get; set; }
    public string? PractitionerName { get; set; }
    public Guid? PractitionerId { get; set; }
    public DateOnly? InvolvementEndedOn { get; set; }

    public string? OutcomeWanted { get; set; }
    public string? Adjustments { get; set; }

    public DateTime? ClosedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The key of the submission that created it, so a re-posted form makes one case.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Optimistic concurrency: a save based on an older version is refused.</summary>
    public int Version { get; set; }

    public List<ComplaintIssue> Issues { get; } = [];
    public List<CaseEvent> Events { get; } = [];
}

/// <summary>The person the case is from (or about), as they told us. Stored with the case, never in URLs or logs.</summary>
public class Person
{
    public string FullName { get; set; } = "";
    public ComplainantRole Role { get; set; } = ComplainantRole.Parent;
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public ContactPreference ContactPreference { get; set; } = ContactPreference.Email;

    /// <summary>When someone acts for another person: who, and that they have that person's consent.</summary>
    public string? OnBehalfOf { get; set; }
    public bool ConsentConfirmed { get; set; }

    /// <summary>For a child: the trusted adult who helped them fill in the form, if they said.</summary>
    public string? HelpedBy { get; set; }
}

/// <summary>One thing that went wrong. Each issue gets its own theme and finding.</summary>
public class ComplaintIssue
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public int Number { get; set; }
    public required string Description { get; set; }
    public string? ThemeCode { get; set; }
    public Finding? Finding { get; set; }
    public string? FindingSummary { get; set; }

    /// <summary>The finding's reasoning, as the PHSO standards ask: what happened, what should have happened, and the standard it is measured against.</summary>
    public string? WhatHappened { get; set; }
    public string? WhatShouldHaveHappened { get; set; }
    public string? Standard { get; set; }
}
