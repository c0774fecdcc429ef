namespace Heard.Application.Procedure;

/// <summary>
/// Something the service learned from a complaint, in a sentence. Learning actions (owner, due date, evidence)
/// build on these later; a learning point only records what was learned, by whom and when.
/// </summary>
public class LearningPoint
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Text { get; set; }
    public Guid? RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAt { get; set; }
}
