using Heard.Application.Data;

namespace Heard.Application.Email;

/// <summary>
/// The one way to send an email from Heard: add it to the outbox in the caller's unit of work. Nothing is sent
/// until the caller's transaction commits, and nothing committed is ever lost.
/// </summary>
public sealed class Outbox(HeardDbContext db, TimeProvider clock)
{
    public OutboxMessage Enqueue(string purpose, string toAddress, string? toName, string subject, string bodyText, Guid? caseId = null, Guid? letterId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toAddress);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            MessageId = Guid.NewGuid(),
            Purpose = purpose,
            ToAddress = toAddress.Trim(),
            ToName = toName,
            Subject = subject,
            BodyText = bodyText,
            CaseId = caseId,
            LetterId = letterId,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
