namespace Heard.Application.Themes;

/// <summary>
/// A theme in the taxonomy that complaints' issues, compliments and feedback are tagged with, so that the
/// learning panel and the board see the same categories. Administrators manage the list; a theme in use is
/// retired (hidden from new choices), never deleted.
/// </summary>
public class Theme
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
}
