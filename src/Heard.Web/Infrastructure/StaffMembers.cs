using System.Security.Claims;
using Heard.Application.Identity;
using Heard.Application.Procedure;
using Microsoft.AspNetCore.Identity;

namespace Heard.Web.Infrastructure;

/// <summary>The signed-in member of staff, with every role they hold, as the application services take them.</summary>
public static class StaffMembers
{
    public static async Task<StaffMember?> FromAsync(ClaimsPrincipal user, UserManager<HeardUser> users)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(users);
        var account = await users.GetUserAsync(user);
        if (account is null)
        {
            return null;
        }

        return new StaffMember(account.Id, account.DisplayName, [.. Roles.All.Where(user.IsInRole)]);
    }
}
