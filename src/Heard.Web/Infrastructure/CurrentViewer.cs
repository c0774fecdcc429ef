using System.Security.Claims;
using Heard.Application.Access;
using Heard.Application.Api;
using Heard.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Infrastructure;

/// <summary>
/// The <see cref="Viewer"/> of the current request: the signed-in member of staff (read fresh from the database,
/// so a change of area or a deactivation counts at once) or the service account behind an API key.
/// </summary>
public sealed class CurrentViewer(IHttpContextAccessor http, HeardDbContext db)
{
    public const string ServiceAccountClaim = "heard:service-account";

    private Viewer? _viewer;

    public async Task<Viewer> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_viewer is not null)
        {
            return _viewer;
        }

        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return _viewer = Viewer.Nobody;
        }

        if (Guid.TryParse(user.FindFirstValue(ServiceAccountClaim), out var accountId))
        {
            var account = await db.ServiceAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId && a.RevokedAt == null, cancellationToken);
            return _viewer = account is null ? Viewer.Nobody : ServiceAccounts.ViewerFor(account);
        }

        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return _viewer = Viewer.Nobody;
        }

        var staff = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        if (staff is null)
        {
            return _viewer = Viewer.Nobody;
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value);
        return _viewer = Viewer.Staff(staff, roles);
    }
}
