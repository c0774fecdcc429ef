namespace Heard.Domain.Cases;

/// <summary>The kinds of record that share the case spine: a reference, a history, deadlines and letters.</summary>
public enum CaseType
{
    Complaint = 1,
    Compliment = 2,
    MpEnquiry = 3,
    OmbudsmanCase = 4,
    SubjectAccessRequest = 5,
}

/// <summary>Children and adults follow different policies from August 2023 and get letters in different language.</summary>
public enum Audience
{
    Adult = 1,
    Child = 2,
}

/// <summary>How a record reached the service.</summary>
public enum Channel
{
    Web = 1,
    Phone = 2,
    Letter = 3,
    Email = 4,
    InPerson = 5,
    Api = 6,
}

public enum LawType
{
    Private = 1,
    Public = 2,
    Other = 3,
}

/// <summary>The finding on one issue of a complaint.</summary>
public enum Finding
{
    Upheld = 1,
    PartlyUpheld = 2,
    NotUpheld = 3,
    NoFinding = 4,
}

/// <summary>Who the person making a complaint is, in relation to the family court case.</summary>
public enum ComplainantRole
{
    Parent = 1,
    Carer = 2,
    FamilyMember = 3,
    LitigantInPerson = 4,
    Representative = 5,
    Child = 6,
    Other = 7,
}

public enum ContactPreference
{
    Email = 1,
    Phone = 2,
    Post = 3,
}

public static class CaseVocabulary
{
    public static string Describe(this Channel channel) => channel switch
    {
        Channel.Web => "online form",
        Channel.Phone => "phone",
        Channel.Letter => "letter",
        Channel.Email => "email",
        Channel.InPerson => "in person",
        Channel.Api => "another system",
        _ => channel.ToString(),
    };

    public static string Describe(this LawType lawType) => lawType switch
    {
        LawType.Private => "Private law",
        LawType.Public => "Public law",
        _ => "Other",
    };

    public static string Describe(this Finding finding) => finding switch
    {
        Finding.Upheld => "Upheld",
        Finding.PartlyUpheld => "Partly upheld",
        Finding.NotUpheld => "Not upheld",
        _ => "No finding",
    };

    public static string Describe(this ComplainantRole role) => role switch
    {
        ComplainantRole.Parent => "Parent",
        ComplainantRole.Carer => "Carer",
        ComplainantRole.FamilyMember => "Other family member",
        ComplainantRole.LitigantInPerson => "Representing myself in court",
        ComplainantRole.Representative => "Acting for someone else",
        ComplainantRole.Child => "Child or young person",
        _ => "Other",
    };

    public static string Describe(this CaseType type) => type switch
    {
        CaseType.Complaint => "Complaint",
        CaseType.Compliment => "Compliment",
        CaseType.MpEnquiry => "MP enquiry",
        CaseType.OmbudsmanCase => "Ombudsman case",
        CaseType.SubjectAccessRequest => "Subject access request",
        _ => type.ToString(),
    };

    public static string Describe(this ContactPreference preference) => preference switch
    {
        ContactPreference.Email => "Email",
        ContactPreference.Phone => "Phone",
        _ => "Post",
    };
}
