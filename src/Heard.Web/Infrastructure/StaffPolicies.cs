namespace Heard.Web.Infrastructure;

public static class StaffPolicies
{
    public const string Staff = "Staff";
    public const string Casework = "Casework";
    public const string Administration = "Administration";

    /// <summary>The complaints team and administrators: the access log and the failed-sends queue (no case content).</summary>
    public const string Audit = "Audit";
}
