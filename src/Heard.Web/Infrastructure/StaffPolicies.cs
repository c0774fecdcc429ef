namespace Heard.Web.Infrastructure;

public static class StaffPolicies
{
    public const string Staff = "Staff";
    public const string Casework = "Casework";
    public const string Administration = "Administration";

    /// <summary>The complaints team and administrators: the access log and the failed-sends queue (no case content).</summary>
    public const string Audit = "Audit";

    /// <summary>
    /// The board performance report (aggregates only): board readers, the complaints team, the children's complaints
    /// manager, service managers and heads of practice, administrators. The records behind a figure still go
    /// through CaseAccess, so each sees only the records they may see; a board reader sees definitions only.
    /// </summary>
    public const string Reports = "Reports";
}
