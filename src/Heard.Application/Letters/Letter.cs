using Heard.Domain.Cases;

namespace Heard.Application.Letters;

public enum LetterStatus
{
    Draft = 1,
    Sent = 2,
}

public enum LetterChannel
{
    Email = 1,
    Post = 2,
}

/// <summary>
/// A letter to the person a case is from, made from a template and edited before it goes. Once sent it is kept
/// exactly as sent: the context refuses any change to a sent letter.
/// </summary>
public class Letter
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>The template it was made from, for example <c>acknowledgement</c>.</summary>
    public required string Template { get; set; }
    public Audience Audience { get; set; }

    /// <summary>The policy whose letter it is (the case's, when written).</summary>
    public string? PolicyCode { get; set; }

    /// <summary>The step that sending it takes (acknowledging, sending the response), if any.</summary>
    public string? TransitionCode { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public LetterStatus Status { get; set; } = LetterStatus.Draft;
    public LetterChannel Channel { get; set; }
    public required string RecipientName { get; set; }

    /// <summary>The email address or the postal address it goes to.</summary>
    public string? RecipientAddress { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime? SentAt { get; set; }
    public Guid? SentById { get; set; }
    public string? SentByName { get; set; }

    /// <summary>Optimistic concurrency for drafts: two people editing one draft cannot overwrite each other.</summary>
    public int Version { get; set; }
}
