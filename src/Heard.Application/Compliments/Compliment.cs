namespace Heard.Application.Compliments;

/// <summary>
/// The details of a compliment case: the words, who it is for, its themes and when it was passed on. The area,
/// team and dates are on the case itself, so compliments are counted by area, theme and period exactly as
/// complaints are.
/// </summary>
public class Compliment
{
    public Guid CaseId { get; set; }

    /// <summary>What the person said, in their words.</summary>
    public required string Text { get; set; }

    /// <summary>The name of the member of staff as the person gave it.</summary>
    public string? StaffNameGiven { get; set; }

    /// <summary>The member of staff in the directory it was matched to.</summary>
    public Guid? StaffMemberId { get; set; }

    /// <summary>When the member of staff and their manager were told.</summary>
    public DateTime? PassedOnAt { get; set; }

    public List<ComplimentTheme> Themes { get; } = [];
}

public class ComplimentTheme
{
    public Guid CaseId { get; set; }
    public required string ThemeCode { get; set; }
}
