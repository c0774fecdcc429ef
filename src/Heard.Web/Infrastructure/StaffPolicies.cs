namespace Heard.Web.Infrastructure;

public static class StaffPolicies
{
    public const string Staff = "Staff";
    public const string Casework = "Casework";
    public const string Administration = "Administration";
}
