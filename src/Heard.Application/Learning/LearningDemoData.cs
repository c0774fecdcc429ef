using System.Text.Json;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Learning;

/// <summary>
/// Demo learning actions on closed demo complaints that have a learning point, so that the learning panel looks
/// like the service: mostly done (with evidence), some open, some overdue, a few cancelled. Deterministic: the
/// complaints are taken in reference order and the choices come from a fixed seed.
/// </summary>
public static class LearningDemoData
{
    private const int Seed = 20240701;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Actions =
    [
        "Discuss the complaint and its learning in supervision.",
        "Reflect in supervision on how the child's wishes and feelings are recorded in the report.",
        "Share the learning at the team meeting.",
        "Remind practitioners to tell families when the next contact will be.",
        "Review what goodbye letters to children say, and the possible impact on the child.",
        "Add the learning to the area's practice improvement plan.",
        "Update the national practice guidance on returning calls from children within one working day.",
        "Raise at the national learning panel as a recurring theme.",
    ];

    private static readonly string[] Evidence =
    [
        "Supervision record of the practitioner's reflection.",
        "Minutes of the team meeting where the learning was shared.",
        "Practice improvement plan updated and circulated.",
        "Practice note published on the intranet.",
        "National learning panel minutes.",
    ];

    public static async Task LoadAsync(HeardDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(Seed);
        // Plain reads joined in memory: the demo load should stay quick even on a busy machine.
        var points = (await db.LearningPoints.AsNoTracking()
                .Select(p => new { p.CaseId, p.Id, p.RecordedAt, p.RecordedById, p.RecordedByName })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.RecordedAt).ThenBy(p => p.Id).First());
        var themes = (await db.ComplaintIssues.AsNoTracking().Where(i => i.ThemeCode != null)
                .Select(i => new { i.CaseId, i.Number, i.ThemeCode })
                .ToListAsync(cancellationToken))
            .GroupBy(i => i.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.Number).First().ThemeCode);
        var cases = (await db.Cases.AsNoTracking()
                .Where(c => c.Type == CaseType.Complaint && c.ClosedAt != null)
                .Select(c => new { c.Id, c.Reference, c.ServiceAreaId })
                .ToListAsync(cancellationToken))
            .Where(c => points.ContainsKey(c.Id))
            .OrderBy(c => c.Reference, StringComparer.Ordinal)
            .Select(c => new { c.Id, c.ServiceAreaId, Point = points[c.Id], Theme = themes.GetValueOrDefault(c.Id) })
            .ToList();
        var managers = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.ServiceManager)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.ServiceAreaId, u.TeamId })
            .ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => t.ServiceAreaId != null).OrderBy(t => t.Name).Select(t => new { t.Id, t.ServiceAreaId }).ToListAsync(cancellationToken);
        if (managers.Count == 0)
        {
            return;
        }

        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        foreach (var c in cases)
        {
            if (random.NextDouble() >= 0.6)
            {
                continue;
            }

            var owner = managers.FirstOrDefault(m => m.ServiceAreaId == c.ServiceAreaId) ?? managers[random.Next(managers.Count)];
            var setAt = c.Point.RecordedAt.AddHours(2);
            var setOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(setAt, london));
            var due = setOn.AddDays(28 + random.Next(63));
            var roll = random.NextDouble();
            var level = roll < 0.45 ? CascadeLevel.Practitioner : roll < 0.7 ? CascadeLevel.Team : roll < 0.9 ? CascadeLevel.ServiceArea : CascadeLevel.National;
            var team = level == CascadeLevel.Team ? teams.FirstOrDefault(t => t.ServiceAreaId == c.ServiceAreaId) : null;
            if (level == CascadeLevel.Team && team is null)
            {
                level = CascadeLevel.Practitioner;
            }

            var action = new LearningAction
            {
                Id = Guid.CreateVersion7(),
                CaseId = c.Id,
                LearningPointId = c.Point.Id,
                Description = Actions[level == CascadeLevel.National ? 6 + random.Next(2) : random.Next(6)],
                OwnerId = owner.Id,
                OwnerName = owner.DisplayName,
                DueOn = due,
                Level = level,
                TeamId = team?.Id,
                ServiceAreaId = level == CascadeLevel.National ? null : c.ServiceAreaId,
                ThemeCode = c.Theme ?? "communication",
                CreatedById = c.Point.RecordedById,
                CreatedByName = c.Point.RecordedByName,
                CreatedAt = setAt,
                CreatedOn = setOn,
                UpdatedAt = setAt,
            };
            db.LearningActions.Add(action);
            db.CaseEvents.Add(Event(c.Id, setAt, "learning-action-added", c.Point.RecordedById, c.Point.RecordedByName,
                $"Learning action for {owner.DisplayName}, due {due:d MMMM yyyy} ({level.Describe().ToLowerInvariant()} level)", action.Description, new { learningActionId = action.Id }));

            // Closed in the past only: most done by (or a little after) the due date, a few cancelled; the rest stay
            // open, and those past their due date show as overdue.
            var outcome = random.NextDouble();
            var closedOn = due.AddDays(random.Next(-20, 10));
            if (closedOn >= today || closedOn <= setOn || outcome >= 0.85)
            {
                continue;
            }

            var closedAt = TimeZoneInfo.ConvertTimeToUtc(closedOn.ToDateTime(new TimeOnly(15, 0)), london);
            action.ClosedOn = closedOn;
            action.UpdatedAt = closedAt;
            if (outcome < 0.78)
            {
                action.Status = LearningActionStatus.Done;
                action.Evidence = Evidence[random.Next(Evidence.Length)];
                db.CaseEvents.Add(Event(c.Id, closedAt, "learning-action-done", owner.Id, owner.DisplayName, $"Learning action done ({owner.DisplayName})", action.Evidence, new { learningActionId = action.Id }));
            }
            else
            {
                action.Status = LearningActionStatus.Cancelled;
                action.CancelledReason = "Covered by a national action on the same theme.";
                db.CaseEvents.Add(Event(c.Id, closedAt, "learning-action-cancelled", owner.Id, owner.DisplayName, $"Learning action cancelled ({owner.DisplayName})", action.CancelledReason, new { learningActionId = action.Id }));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static CaseEvent Event(Guid caseId, DateTime at, string kind, Guid? actorId, string actorName, string summary, string reason, object data) => new()
    {
        CaseId = caseId,
        At = at,
        Kind = kind,
        ActorId = actorId,
        ActorName = actorName,
        ActorRole = Roles.ServiceManager,
        Reason = reason,
        Summary = summary,
        Data = JsonSerializer.Serialize(data, Json),
    };
}
