namespace Heard.Application.Api;

/// <summary>
/// Another system that uses Heard's API. It is scoped like a person: one role and, for area roles, one service
/// area. Its key is shown once when it is made; only a hash is kept.
/// </summary>
public class ServiceAccount
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public Guid? ServiceAreaId { get; set; }

    /// <summary>The first characters of the key, so people can tell keys apart without the key.</summary>
    public required string KeyPrefix { get; set; }

    /// <summary>SHA-256 of the whole key, as lower-case hex. Keys are long and random, so a fast hash is enough.</summary>
    public required string KeyHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>
/// A submission made through the API under an Idempotency-Key: a repeat with the same key and body answers with the
/// same case; the same key with a different body is refused.
/// </summary>
public class ApiSubmission
{
    public long Id { get; set; }
    public Guid ServiceAccountId { get; set; }
    public required string IdempotencyKey { get; set; }

    /// <summary>SHA-256 of the request body, as lower-case hex.</summary>
    public required string RequestHash { get; set; }
    public Guid CaseId { get; set; }
    public DateTime CreatedAt { get; set; }
}
