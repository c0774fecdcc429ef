using System.Linq.Expressions;
using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Domain.Cases;

namespace Heard.Application.Access;

/// <summary>
/// Extra ways a viewer may see a case beyond their role's own rule, for example the children's procedure sharing a
/// child's complaint with a named service manager. Register implementations with
/// <c>services.AddScoped&lt;ICaseVisibilityRule, …&gt;()</c>; <see cref="CaseAccess"/> ORs every one into its filter.
/// A rule returns null when it gives this viewer nothing. Restricted cases stay visible only to named people
/// whatever a rule says.
/// </summary>
public interface ICaseVisibilityRule
{
    Expression<Func<Case, bool>>? SharedWith(Viewer viewer);
}

/// <summary>
/// What each role sees, by case type and scope (PRODUCT.md's table), written once as expressions so the same rule
/// filters queues, search and the API in the database and answers "may this person open this case?".
/// </summary>
/// <remarks>
/// Least privilege: board readers and administrators see no case at all (administrators run configuration, users
/// and calendars; reports carry no personal data). Service managers and heads of practice see their own area's
/// adult complaints, compliments, MP enquiries and Ombudsman cases, but not subject access requests (the
/// information rights team's) nor children's complaints (the children's complaints manager's, unless a sharing
/// rule names them).
/// </remarks>
public static class CaseAccessRules
{
    /// <summary>The roles whose work is individual cases: everyone but board readers and administrators.</summary>
    public static readonly IReadOnlyList<string> CaseRoles =
    [
        Roles.ComplaintsTeam, Roles.ChildrensComplaintsManager, Roles.ServiceManager, Roles.HeadOfPractice,
        Roles.Communications, Roles.InformationRights,
    ];

    public static bool WorksWithCases(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return CaseRoles.Any(viewer.IsIn);
    }

    /// <summary>The case types a role sees nationally, and any scope it is bound by.</summary>
    public static IEnumerable<Expression<Func<Case, bool>>> ByRole(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsIn(Roles.ComplaintsTeam))
        {
            // Children's complaints are the children's complaints manager's alone (and whoever they share one with).
            yield return c => (c.Type == CaseType.Complaint && c.Audience == Audience.Adult) || c.Type == CaseType.Compliment || c.Type == CaseType.OmbudsmanCase;
        }

        if (viewer.IsIn(Roles.ChildrensComplaintsManager))
        {
            yield return c => c.Type == CaseType.Complaint && c.Audience == Audience.Child;
        }

        if ((viewer.IsIn(Roles.ServiceManager) || viewer.IsIn(Roles.HeadOfPractice)) && viewer.ServiceAreaId is { } area)
        {
            yield return c => c.ServiceAreaId == area
                && ((c.Type == CaseType.Complaint && c.Audience == Audience.Adult)
                    || c.Type == CaseType.Compliment || c.Type == CaseType.MpEnquiry || c.Type == CaseType.OmbudsmanCase);
        }

        if (viewer.IsIn(Roles.Communications))
        {
            yield return c => c.Type == CaseType.MpEnquiry;
        }

        if (viewer.IsIn(Roles.InformationRights))
        {
            yield return c => c.Type == CaseType.SubjectAccessRequest;
        }
    }

    /// <summary>Who may restrict a case and name the people who see it.</summary>
    public static bool ManagesRestrictions(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsIn(Roles.ComplaintsTeam);
    }

    /// <summary>Who may read the log of who viewed cases: the complaints team and administrators (it holds no case content).</summary>
    public static bool ReadsAccessLog(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsIn(Roles.ComplaintsTeam) || viewer.IsIn(Roles.Administrator);
    }

    internal static Expression<Func<Case, bool>> Or(IEnumerable<Expression<Func<Case, bool>>> parts)
    {
        var list = parts.ToList();
        if (list.Count == 0)
        {
            return c => false;
        }

        var parameter = Expression.Parameter(typeof(Case), "c");
        Expression? body = null;
        foreach (var part in list)
        {
            var rebound = new Rebind(part.Parameters[0], parameter).Visit(part.Body);
            body = body is null ? rebound : Expression.OrElse(body, rebound);
        }

        return Expression.Lambda<Func<Case, bool>>(body!, parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
