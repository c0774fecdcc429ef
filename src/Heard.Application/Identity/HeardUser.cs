using Microsoft.AspNetCore.Identity;

namespace Heard.Application.Identity;

/// <summary>
/// A member of staff. Everyone in the staff directory is a user, including practitioners who never sign in
/// (they have no password and no role): complaints and compliments name them, and they are told of compliments.
/// </summary>
public class HeardUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public string? JobTitle { get; set; }
    public Guid? ServiceAreaId { get; set; }
    public Guid? TeamId { get; set; }

    /// <summary>Their line manager, who is told of compliments and to whom overdue work escalates.</summary>
    public Guid? ManagerId { get; set; }
    public bool IsActive { get; set; } = true;
}

public class HeardRole : IdentityRole<Guid>
{
    public HeardRole()
    {
    }

    public HeardRole(string name) : base(name)
    {
    }
}

/// <summary>The roles of PRODUCT.md's table. A role says what someone may do; a scope (service area) says where.</summary>
public static class Roles
{
    public const string ComplaintsTeam = "ComplaintsTeam";
    public const string ChildrensComplaintsManager = "ChildrensComplaintsManager";
    public const string ServiceManager = "ServiceManager";
    public const string HeadOfPractice = "HeadOfPractice";
    public const string Communications = "Communications";
    public const string InformationRights = "InformationRights";
    public const string BoardReader = "BoardReader";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
    [
        ComplaintsTeam, ChildrensComplaintsManager, ServiceManager, HeadOfPractice,
        Communications, InformationRights, BoardReader, Administrator,
    ];

    public static string Describe(string role) => role switch
    {
        ComplaintsTeam => "Complaints and correspondence team",
        ChildrensComplaintsManager => "Children's complaints manager",
        ServiceManager => "Service manager",
        HeadOfPractice => "Head of practice",
        Communications => "Communications team",
        InformationRights => "Information rights team",
        BoardReader => "Board reader",
        Administrator => "Administrator",
        _ => role,
    };
}
