using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Records;

/// <summary>
/// Raised when a member of staff saves a change to a case that someone else changed since they opened it.
/// Nothing is saved; the page says so and keeps what they typed.
/// </summary>
public sealed class StaleCaseException()
    : Exception("Someone else changed this case after you opened it, so your change was not saved. Reload the page to see their change, then make yours again.");

/// <summary>The pieces every record intake and every change to a record share.</summary>
internal static class RecordCases
{
    /// <summary>A new unused reference for a record of <paramref name="type"/>.</summary>
    public static async Task<string> NewReferenceAsync(HeardDbContext db, CaseType type, CancellationToken cancellationToken)
    {
        // Collisions are vanishingly rare (32^8 references per type) but a unique index is not a user message.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = CaseReference.New(type);
            if (!await db.Cases.AnyAsync(c => c.Reference == candidate, cancellationToken))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Could not find an unused case reference.");
    }

    public static Task<IntakeResult?> FindByKeyAsync(HeardDbContext db, string key, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking()
            .Where(c => c.IdempotencyKey == key)
            .Select(c => new IntakeResult(c.Id, c.Reference, false))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Saves a new record; when a submit with the same key raced it, answers with the one that won.</summary>
    public static async Task<IntakeResult> SaveNewAsync(HeardDbContext db, Case @case, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (@case.IdempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            var winner = await FindByKeyAsync(db, @case.IdempotencyKey, cancellationToken);
            if (winner is not null)
            {
                return winner;
            }

            throw;
        }

        return new IntakeResult(@case.Id, @case.Reference, Created: true);
    }

    /// <summary>
    /// Loads a case of <paramref name="type"/> for a change based on <paramref name="expectedVersion"/> (the version
    /// the member of staff saw). A different version now means someone else changed it: refused. The version is
    /// also the concurrency token, so a change racing ours in the database is refused at save.
    /// </summary>
    public static async Task<Case> LoadForChangeAsync(HeardDbContext db, Guid id, CaseType type, int expectedVersion, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == id && c.Type == type, cancellationToken)
            ?? throw new KeyNotFoundException($"No {type.Describe().ToLowerInvariant()} {id}.");
        if (@case.Version != expectedVersion)
        {
            throw new StaleCaseException();
        }

        return @case;
    }

    /// <summary>Saves a change; a concurrent change to the same case makes it a <see cref="StaleCaseException"/>.</summary>
    public static async Task SaveChangeAsync(HeardDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new StaleCaseException();
        }
    }

    public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Refuses input with every problem at once, keyed to fields.</summary>
    public static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    public static void Require(List<FieldError> errors, string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, message));
        }
    }

    public static void Limit(List<FieldError> errors, string? value, int max, string field, string what)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new FieldError(field, $"{what} must be {max:N0} characters or fewer"));
        }
    }

    public static void NotFuture(List<FieldError> errors, DateOnly? date, DateOnly today, string field, string what)
    {
        if (date is { } d && d > today)
        {
            errors.Add(new FieldError(field, $"{what} must be today or in the past"));
        }
    }

    public static bool LooksLikeEmail(string? value) =>
        value is not null && System.Net.Mail.MailAddress.TryCreate(value.Trim(), out var parsed)
        && parsed.Address == value.Trim() && parsed.Host.Contains('.', StringComparison.Ordinal);
}

/// <summary>
/// The time limits of the record types, from configuration (<c>Heard:Records</c>) with these defaults. Rules are in
/// the deadline engine's form (<c>working-days:20</c>); see <see cref="Domain.Calendar.DeadlineRule"/>.
/// </summary>
public sealed class RecordTimescales
{
    public const string Section = "Heard:Records";

    /// <summary>The communications team's target for answering an MP (the civil service's 20 working days).</summary>
    public string MpEnquiryResponse { get; set; } = "working-days:20";

    /// <summary>The complaints team's own target for passing a compliment on to the member of staff and their manager.</summary>
    public string ComplimentPassOn { get; set; } = "working-days:5";

    /// <summary>UK GDPR: one calendar month, counted by the ICO's method.</summary>
    public string SubjectAccess { get; set; } = "calendar-months:1";

    /// <summary>Data Protection Act 1998: 40 calendar days, for requests received before <see cref="SubjectAccessChangedOn"/>.</summary>
    public string SubjectAccessBefore { get; set; } = "calendar-days:40";

    public DateOnly SubjectAccessChangedOn { get; set; } = new(2018, 5, 25);

    /// <summary>UK GDPR article 12(3): up to two further months for a complex request.</summary>
    public string SubjectAccessExtension { get; set; } = "calendar-months:2";
}

/// <summary>The deadline kinds of the record types (complaints have theirs in <c>DeadlineKinds</c>).</summary>
public static class RecordDeadlineKinds
{
    public const string MpResponse = "mp-response";
    public const string SarResponse = "sar-response";
    public const string ComplimentPassOn = "compliment-pass-on";
}
