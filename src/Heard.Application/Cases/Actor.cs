namespace Heard.Application.Cases;

/// <summary>Who is doing something, in what role: carried into every event and audit entry.</summary>
public sealed record Actor(Guid? UserId, string Name, string Role)
{
    public const string PublicRole = "public";
    public const string SystemRole = "system";

    /// <summary>A member of the public using a public form.</summary>
    public static readonly Actor Public = new(null, "The person who contacted us", PublicRole);

    /// <summary>Heard itself: scheduled work, recomputation, demo data.</summary>
    public static readonly Actor System = new(null, "Heard", SystemRole);
}
