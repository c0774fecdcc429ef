using Heard.Application.Cases;
using Heard.Application.Identity;

namespace Heard.Application.Access;

/// <summary>
/// Who is looking, as far as access is concerned: a signed-in member of staff or a service account, its roles, and
/// the service area and team it belongs to. Every case read (pages, queues, search, the API) is filtered by it.
/// </summary>
public sealed record Viewer(
    Guid? UserId,
    Guid? ServiceAccountId,
    string Name,
    IReadOnlySet<string> Roles,
    Guid? ServiceAreaId,
    Guid? TeamId)
{
    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>The role named in history entries: the first of the viewer's roles in the product's order.</summary>
    public string MainRole => Identity.Roles.All.FirstOrDefault(Roles.Contains) ?? "staff";

    public Actor ToActor() => new(UserId, Name, MainRole);

    /// <summary>A viewer with no rights at all (for example a signed-out request).</summary>
    public static Viewer Nobody { get; } = new(null, null, "Nobody", new HashSet<string>(), null, null);

    public static Viewer Staff(HeardUser user, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Viewer(user.Id, null, user.DisplayName, new HashSet<string>(roles, StringComparer.Ordinal), user.ServiceAreaId, user.TeamId);
    }
}
