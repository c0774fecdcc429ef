namespace Heard.Application.Email;

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change that causes it (a letter sent, a
/// compliment passed on, a reminder). A dispatcher sends it later; the message id makes sending it twice
/// impossible to miss.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Goes out as the email's Message-ID, so a retry after a crash is recognisable as the same email.</summary>
    public Guid MessageId { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? LetterId { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string BodyText { get; set; }

    /// <summary>What the email is, for the failed-sends queue and the case history (for example <c>letter</c>, <c>compliment</c>, <c>reminder</c>).</summary>
    public required string Purpose { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The dispatcher that has claimed the message, and until when: no other dispatcher touches it meanwhile.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
