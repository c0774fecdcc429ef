namespace Heard.Application.Notifications;

/// <summary>
/// Something Heard tells one member of staff, shown on their notifications page (and usually also emailed through
/// the outbox in the same transaction). It carries what they need to read without opening the case.
/// </summary>
public class Notification
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid? CaseId { get; set; }

    /// <summary>What it is, for example <c>compliment</c>.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
