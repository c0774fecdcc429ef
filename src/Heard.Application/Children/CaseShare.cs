namespace Heard.Application.Children;

/// <summary>
/// The children's complaints manager sharing a child's complaint with one member of staff (for example the
/// service manager investigating it). Stopping sharing keeps the row, with when and by whom.
/// </summary>
public class CaseShare
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid UserId { get; set; }
    public required string Reason { get; set; }
    public Guid? SharedById { get; set; }
    public required string SharedByName { get; set; }
    public DateTime SharedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndedByName { get; set; }
}
