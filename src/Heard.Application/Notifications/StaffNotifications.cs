using Heard.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Notifications;

/// <summary>A member of staff's own notifications. Nobody reads another person's.</summary>
public sealed class StaffNotifications(HeardDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Notification>> ForUserAsync(Guid userId, int take = 50, CancellationToken cancellationToken = default) =>
        await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt)
            .Take(take)
            .ToListAsync(cancellationToken);

    public Task<int> CountUnreadAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>Marks one of the user's own notifications read; someone else's is left alone (and reported as not found).</summary>
    public async Task<bool> MarkReadAsync(Guid userId, Guid notificationId, CancellationToken cancellationToken = default)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return false;
        }

        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
