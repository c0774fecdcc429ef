using System.Text.Json;
using Heard.Application.Data;

namespace Heard.Application.Cases;

/// <summary>
/// The one way to add to a case's history. It only adds the event to the unit of work: the caller saves it in the
/// same transaction as the change it describes, so there is never a change without its event, or the reverse.
/// </summary>
public sealed class CaseHistory(HeardDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public CaseEvent Record(
        Case @case,
        Actor actor,
        string kind,
        string summary,
        string? reason = null,
        string? fromState = null,
        string? toState = null,
        object? data = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new CaseEvent
        {
            CaseId = @case.Id,
            At = now,
            Kind = kind,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            ActorRole = actor.Role,
            FromState = fromState,
            ToState = toState,
            Reason = reason,
            Summary = summary,
            Data = data is null ? null : JsonSerializer.Serialize(data, Json),
        };
        @case.UpdatedAt = now;
        db.CaseEvents.Add(entry);
        return entry;
    }
}
