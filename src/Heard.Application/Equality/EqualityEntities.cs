using Heard.Domain.Cases;

namespace Heard.Application.Equality;

/// <summary>Which public form an equality response came with.</summary>
public enum EqualitySource
{
    AdultComplaint = 1,
    ChildComplaint = 2,
    Compliment = 3,
    Feedback = 4,
    SubjectAccessRequest = 5,
}

public static class EqualitySources
{
    /// <summary>The forms of a kind, as a column heading.</summary>
    public static string Describe(this EqualitySource source) => source switch
    {
        EqualitySource.AdultComplaint => "Adult complaints",
        EqualitySource.ChildComplaint => "Children's complaints",
        EqualitySource.Compliment => "Compliments",
        EqualitySource.Feedback => "Feedback",
        EqualitySource.SubjectAccessRequest => "Subject access requests",
        _ => source.ToString(),
    };
}

/// <summary>
/// The optional equality answers someone gave with a form. Deliberately kept apart from the record they came
/// with: no case id, no reference, no name, no instant — only the kind of form, the area and law type when known
/// and the month of receipt — so the answers can be counted but never read against a person's complaint, and a
/// subject access request cannot return them (there is nothing that links them to anyone). The id is random
/// (version 4), not time-ordered, so it does not give away when the row was written.
/// </summary>
public class EqualityResponse
{
    public Guid Id { get; set; }
    public EqualitySource Source { get; set; }
    public Guid? ServiceAreaId { get; set; }
    public LawType? LawType { get; set; }

    /// <summary>The first day of the month the form was received in (never the day or the time).</summary>
    public DateOnly ReceivedMonth { get; set; }

    public string? Ethnicity { get; set; }
    public string? Disability { get; set; }
    public string? Sex { get; set; }
    public string? AgeBand { get; set; }
}

/// <summary>
/// One person in a family court case the service worked on, as the courts' case data describes them: the case's
/// area, law type and dates, and the person's equality categories. No name, no date of birth. The court case number
/// is kept only so that a later import of the same case replaces these rows instead of counting people twice.
/// </summary>
public class ServedPerson
{
    public Guid Id { get; set; }
    public required string CourtCaseNumber { get; set; }
    public Guid ServiceAreaId { get; set; }
    public LawType LawType { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? Ethnicity { get; set; }
    public string? Disability { get; set; }
    public string? Sex { get; set; }
    public string? AgeBand { get; set; }
}
