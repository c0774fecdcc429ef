namespace Heard.Application.Tracking;

/// <summary>
/// A tracking link given to the person who contacted us. Only a hash of its token is stored: the link itself
/// exists only in what we sent them, so a copy of the database cannot be used to read anyone's case.
/// </summary>
public class TrackingLink
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>SHA-256 of the token, as lower-case hex.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedById { get; set; }
}
