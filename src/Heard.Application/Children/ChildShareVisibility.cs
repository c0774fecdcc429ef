using System.Linq.Expressions;
using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Data;

namespace Heard.Application.Children;

/// <summary>
/// The children's procedure's sharing rule as a case visibility rule: a child's complaint shared with someone (and
/// not since stopped) is visible to them, in the same database filter as every other rule.
/// </summary>
public sealed class ChildShareVisibility(HeardDbContext db) : ICaseVisibilityRule
{
    public Expression<Func<Case, bool>>? SharedWith(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.UserId is not { } userId)
        {
            return null;
        }

        return c => db.CaseShares.Any(s => s.CaseId == c.Id && s.UserId == userId && s.EndedAt == null);
    }
}
