using Heard.Application.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Heard.Web.Infrastructure;

/// <summary>
/// Who may work on the record types, by role: the communications team on MP enquiries, the information rights team
/// on subject access requests, the complaints team on compliments, Ombudsman cases and feedback themes. Set per
/// folder and per queue page, so a new page in a folder is guarded without anyone remembering to.
/// </summary>
public static class RecordPolicies
{
    public const string Communications = "Records.Communications";
    public const string InformationRights = "Records.InformationRights";
    public const string ComplaintsTeam = "Records.ComplaintsTeam";

    public static AuthorizationBuilder AddRecordPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Communications, p => p.RequireRole(Roles.Communications))
            .AddPolicy(InformationRights, p => p.RequireRole(Roles.InformationRights))
            .AddPolicy(ComplaintsTeam, p => p.RequireRole(Roles.ComplaintsTeam, Roles.ChildrensComplaintsManager));
    }

    public static void AuthorizeRecordPages(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AuthorizeFolder("/Staff/MpEnquiries", Communications);
        conventions.AuthorizePage("/Staff/Queues/MpEnquiries", Communications);
        conventions.AuthorizeFolder("/Staff/SubjectAccess", InformationRights);
        conventions.AuthorizePage("/Staff/Queues/SubjectAccess", InformationRights);
        conventions.AuthorizeFolder("/Staff/Compliments", ComplaintsTeam);
        conventions.AuthorizePage("/Staff/Queues/Compliments", ComplaintsTeam);
        conventions.AuthorizeFolder("/Staff/Ombudsman", ComplaintsTeam);
        conventions.AuthorizePage("/Staff/Queues/Ombudsman", ComplaintsTeam);
        conventions.AuthorizePage("/Staff/Feedback/Theming", ComplaintsTeam);
        conventions.AuthorizeFolder("/Staff/Feedback", StaffPolicies.Casework);
        conventions.AuthorizePage("/Staff/Records/Index", StaffPolicies.Casework);
    }
}
