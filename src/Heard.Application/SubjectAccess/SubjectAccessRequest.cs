using Heard.Domain.Records;

namespace Heard.Application.SubjectAccess;

/// <summary>
/// The details of a subject access request. The requester is the case's <c>Person</c>; the subject is here (the
/// same person, their child, or someone they represent). The statutory clock is the case's <c>sar-response</c>
/// deadline, set when identity is confirmed.
/// </summary>
public class SubjectAccessRequest
{
    public Guid CaseId { get; set; }
    public SubjectRelationship Relationship { get; set; }
    public required string SubjectName { get; set; }
    public DateOnly? SubjectDateOfBirth { get; set; }
    public string? SubjectEmail { get; set; }

    /// <summary>What the requester asked for, in their words.</summary>
    public required string RequestDetails { get; set; }

    /// <summary>For a child's or a represented person's data: the authority to act (parental responsibility, a signed authority).</summary>
    public string? AuthorityEvidence { get; set; }

    public DateOnly? IdentityRequestedOn { get; set; }
    public DateOnly? IdentityConfirmedOn { get; set; }
    public string? IdentityEvidence { get; set; }

    public DateOnly? DisclosedOn { get; set; }
    public int? PagesDisclosed { get; set; }

    /// <summary>Codes from <see cref="SarExemptions"/>.</summary>
    public List<string> Exemptions { get; set; } = [];
    public string? DisclosureNote { get; set; }

    public DateOnly? IcoComplaintOn { get; set; }
    public string? IcoReference { get; set; }
    public string? IcoOutcome { get; set; }
    public DateOnly? IcoOutcomeOn { get; set; }
}

/// <summary>The exemptions (Data Protection Act 2018, schedules 2 and 3) the service applies most, as codes.</summary>
public static class SarExemptions
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("third-party", "Third-party personal data (schedule 2, paragraph 16)"),
        ("legal-privilege", "Legal professional privilege (schedule 2, paragraph 19)"),
        ("judicial-proceedings", "Judicial proceedings and court reports (schedule 2, paragraph 14)"),
        ("social-work-serious-harm", "Social work data: serious harm (schedule 3, part 3)"),
        ("child-abuse-data", "Child abuse data (schedule 3, paragraph 21)"),
        ("crime", "Crime and taxation (schedule 2, paragraph 2)"),
    ];

    public static string Describe(string code) => All.FirstOrDefault(e => e.Code == code).Name ?? code;
}
