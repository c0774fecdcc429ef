namespace Heard.Web.Infrastructure;

public static class StaffPolicies
{
    public const string Staff = "Staff";
    public const string Casework = "Casework";
    public const string Administration = "Administration";

    /// <summary>The complaints team and administrators: the access log and the failed-sends queue (no case content).</summary>
    public const string Audit = "Audit";

    /// <summary>
    /// The learning panel and the annual review of children's complaints (aggregate figures, no case records): board
    /// readers, the complaints team, the children's complaints manager, heads of practice and service managers.
    /// </summary>
    public const string Learning = "Learning";

    /// <summary>
    /// The equality monitoring report (aggregates only, small numbers suppressed): the board, the complaints team,
    /// the children's complaints manager, heads of practice and administrators.
    /// </summary>
    public const string EqualityReports = "EqualityReports";

    /// <summary>
    /// The board performance report (aggregates only): board readers, the complaints team, the children's complaints
    /// manager, service managers and heads of practice, administrators. The records behind a figure still go
    /// through CaseAccess, so each sees only the records they may see; a board reader sees definitions only.
    /// </summary>
    public const string Reports = "Reports";
}
