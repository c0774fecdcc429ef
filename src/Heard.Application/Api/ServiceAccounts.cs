using System.Security.Cryptography;
using System.Text;
using Heard.Application.Access;
using Heard.Application.Data;
using Heard.Application.Identity;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Api;

/// <summary>A service account just made, with its key: the only time the key is seen.</summary>
public sealed record CreatedServiceAccount(ServiceAccount Account, string Key);

/// <summary>Service accounts for other systems: made by an administrator (page or CLI), scoped like people.</summary>
public sealed class ServiceAccounts(HeardDbContext db, TimeProvider clock)
{
    public const string KeyStart = "heard_";

    /// <summary>Roles a service account may have: the case roles, and board reader for reporting systems (which reads no case). Never administrator.</summary>
    public static IReadOnlyList<string> AllowedRoles { get; } = [.. CaseAccessRules.CaseRoles, Roles.BoardReader];

    public async Task<(CreatedServiceAccount? Created, IReadOnlyList<Intake.FieldError> Errors)> CreateAsync(string? name, string? role, Guid? serviceAreaId, string createdBy, CancellationToken cancellationToken = default)
    {
        var errors = new List<Intake.FieldError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("Name", "Enter a name for the service account, such as the system that will use it"));
        }
        else if (name.Trim().Length > Limits.ServiceAccountName)
        {
            errors.Add(new("Name", $"The name must be {Limits.ServiceAccountName} characters or fewer"));
        }

        var roleName = AllowedRoles.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (roleName is null)
        {
            errors.Add(new("Role", "Select the role the service account acts in"));
        }

        var areaRole = roleName is Roles.ServiceManager or Roles.HeadOfPractice;
        if (areaRole && serviceAreaId is null)
        {
            errors.Add(new("ServiceAreaId", "Select the service area this account is limited to"));
        }

        if (serviceAreaId is { } area && !await db.ServiceAreas.AnyAsync(a => a.Id == area, cancellationToken))
        {
            errors.Add(new("ServiceAreaId", "Select a service area from the list"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = KeyStart + secret;
        var account = new ServiceAccount
        {
            Id = Guid.CreateVersion7(),
            Name = name!.Trim(),
            Role = roleName!,
            ServiceAreaId = areaRole ? serviceAreaId : null,
            KeyPrefix = key[..12],
            KeyHash = Hash(key),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        db.ServiceAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return (new CreatedServiceAccount(account, key), []);
    }

    /// <summary>The account a key belongs to, if the key is known and not revoked.</summary>
    public async Task<ServiceAccount?> AuthenticateAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key) || !key.StartsWith(KeyStart, StringComparison.Ordinal) || key.Length > 200)
        {
            return null;
        }

        var hash = Hash(key);
        var account = await db.ServiceAccounts.FirstOrDefaultAsync(a => a.KeyHash == hash && a.RevokedAt == null, cancellationToken);
        if (account is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Noted at most once a minute, so a busy client does not write on every call.
            if (account.LastUsedAt is null || now - account.LastUsedAt > TimeSpan.FromMinutes(1))
            {
                account.LastUsedAt = now;
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return account;
    }

    public async Task<IReadOnlyList<ServiceAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.ServiceAccounts.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);

    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var account = await db.ServiceAccounts.FirstOrDefaultAsync(a => a.Id == id && a.RevokedAt == null, cancellationToken);
        if (account is null)
        {
            return false;
        }

        account.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>How the API sees the account: as a viewer with one role and, for area roles, one area.</summary>
    public static Viewer ViewerFor(ServiceAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new Viewer(null, account.Id, $"{account.Name} (service account)", new HashSet<string>([account.Role], StringComparer.Ordinal), account.ServiceAreaId, null);
    }

    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

/// <summary>What an earlier submission with the same Idempotency-Key made, if any.</summary>
public sealed record EarlierSubmission(Guid CaseId, string Reference, bool SameRequest);

/// <summary>
/// Idempotency keys for API submissions, whatever is being submitted: a repeat with the same key and body gets the
/// first answer again; the same key with a different body is refused rather than silently ignored.
/// </summary>
public sealed class ApiIdempotency(HeardDbContext db, TimeProvider clock)
{
    public const int MaxKeyLength = 100;

    public async Task<EarlierSubmission?> FindAsync(Guid accountId, string key, string requestHash, CancellationToken cancellationToken = default) =>
        await db.ApiSubmissions.AsNoTracking()
            .Where(s => s.ServiceAccountId == accountId && s.IdempotencyKey == key)
            .Join(db.Cases, s => s.CaseId, c => c.Id, (s, c) => new EarlierSubmission(c.Id, c.Reference, s.RequestHash == requestHash))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task RecordAsync(Guid accountId, string key, string requestHash, Guid caseId, CancellationToken cancellationToken = default)
    {
        if (await db.ApiSubmissions.AnyAsync(s => s.ServiceAccountId == accountId && s.IdempotencyKey == key, cancellationToken))
        {
            return;
        }

        db.ApiSubmissions.Add(new ApiSubmission { ServiceAccountId = accountId, IdempotencyKey = key, RequestHash = requestHash, CaseId = caseId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key raced in from a second request; the first record stands and names the same case.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The namespaced key handed to the intake services, so two accounts' keys never collide.</summary>
    public static string IntakeKey(Guid accountId, string key) => $"api:{accountId:N}:{ServiceAccounts.Hash(key)[..32]}";
}
