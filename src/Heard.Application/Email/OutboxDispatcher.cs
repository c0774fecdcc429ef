using Heard.Application.Cases;
using Heard.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Heard.Application.Email;

/// <summary>A failed email as the failed-sends queue shows it: no address, no body.</summary>
public sealed record FailedEmail(long Id, string Purpose, Guid? CaseId, string? Reference, DateTime CreatedAt, int Attempts, string? LastError);

/// <summary>
/// Sends what the outbox holds. Each message is first claimed with a lease (a conditional update only one
/// dispatcher can win), then sent, then marked sent with an entry in its case's history. A failure is retried with
/// growing waits (1, 2, 4… minutes, at most six hours); after <see cref="EmailSettings.MaxAttempts"/> it waits in the
/// failed-sends queue for a person. Every email carries its outbox MessageId as its Message-ID, so if Heard stops
/// between the server accepting it and the row being marked (the one gap no outbox can close), the second copy is
/// recognisably the same email.
/// </summary>
public sealed partial class OutboxDispatcher(
    HeardDbContext db,
    IEmailTransport transport,
    CaseHistory history,
    IOptions<EmailSettings> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private readonly string _owner = NewOwner();

    private static string NewOwner()
    {
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return owner.Length > 100 ? owner[^100..] : owner;
    }

    /// <summary>Sends every due message (up to a batch); returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = Now;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            if (await SendOneAsync(id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Puts a failed email back in the queue to be sent at once, recording who asked on its case.</summary>
    public async Task<bool> RetryAsync(long id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.Status == OutboxStatus.Failed, cancellationToken);
        if (message is null)
        {
            return false;
        }

        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = Now;
        message.LeaseOwner = null;
        message.LeaseUntil = null;
        if (await CaseOfAsync(message, cancellationToken) is { } @case)
        {
            history.Record(@case, actor, "email-retry", $"Email to be sent again: {message.Subject}", data: new { outboxId = message.Id, message.Purpose });
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<FailedEmail>> FailedAsync(CancellationToken cancellationToken = default) =>
        await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed)
            .OrderByDescending(m => m.Id)
            .Select(m => new FailedEmail(m.Id, m.Purpose, m.CaseId, db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.Reference).FirstOrDefault(), m.CreatedAt, m.Attempts, m.LastError))
            .Take(500)
            .ToListAsync(cancellationToken);

    public Task<int> CountFailedAsync(CancellationToken cancellationToken = default) =>
        db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);

    private async Task<bool> SendOneAsync(long id, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = Now;
        var leaseUntil = now + settings.Lease;
        // The claim: only one dispatcher's conditional update can match, whichever instance it runs in.
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, _owner).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var message = await db.OutboxMessages.FirstAsync(m => m.Id == id, cancellationToken);
        var @case = await CaseOfAsync(message, cancellationToken);
        try
        {
            await transport.SendAsync(ToMime(message, settings), cancellationToken);
        }
#pragma warning disable CA1031 // Whatever the transport throws, the message is recorded as failed and retried; nothing else may stop the batch.
        catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
        {
            RecordFailure(message, @case, error, settings);
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }

        await MarkSentAsync(message, @case);
        LogSent(logger, message.Id, message.Purpose);
        return true;
    }

    /// <summary>
    /// Marks the message sent and writes it to its case's history. A staff save to the same case at the same moment
    /// makes the case's version move under us: then the record is made again on the case as it is now.
    /// </summary>
    private async Task MarkSentAsync(OutboxMessage message, Case? @case)
    {
        for (var attempt = 1; ; attempt++)
        {
            message.Status = OutboxStatus.Sent;
            message.SentAt = Now;
            message.Attempts++;
            message.LastError = null;
            message.LeaseOwner = null;
            message.LeaseUntil = null;
            if (@case is not null)
            {
                history.Record(@case, Actor.System, "email-sent", $"Email sent: {message.Subject}",
                    data: new { outboxId = message.Id, messageId = message.MessageId, message.Purpose, message.LetterId });
            }

            try
            {
                // Once sent, the record must be written even if the run is being cancelled.
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
                var id = message.Id;
                message = await db.OutboxMessages.FirstAsync(m => m.Id == id);
                @case = await CaseOfAsync(message, CancellationToken.None);
            }
        }
    }

    private void RecordFailure(OutboxMessage message, Case? @case, Exception error, EmailSettings settings)
    {
        message.Attempts++;
        message.LeaseOwner = null;
        message.LeaseUntil = null;
        var reason = error is MailKit.Net.Smtp.SmtpCommandException smtp
            ? $"The mail server refused it: {(int)smtp.StatusCode} {smtp.Message}"
            : $"{error.GetType().Name}: {error.Message}";
        message.LastError = reason.Length > 2000 ? reason[..2000] : reason;
        if (message.Attempts >= settings.MaxAttempts)
        {
            message.Status = OutboxStatus.Failed;
            if (@case is not null)
            {
                history.Record(@case, Actor.System, "email-failed",
                    $"Email could not be sent after {message.Attempts} attempts: {message.Subject}",
                    reason: message.LastError, data: new { outboxId = message.Id, message.Purpose });
            }

            LogGaveUp(logger, message.Id, message.Purpose, message.Attempts);
            return;
        }

        message.NextAttemptAt = Now + Backoff(message.Attempts);
        LogRetrying(logger, message.Id, message.Purpose, message.Attempts, error.GetType().Name);
    }

    /// <summary>1, 2, 4, 8… minutes after each failure, never more than six hours.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    private static MimeMessage ToMime(OutboxMessage message, EmailSettings settings)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{message.MessageId:N}@{settings.MessageIdDomain}",
            Subject = message.Subject,
            Date = new DateTimeOffset(message.CreatedAt, TimeSpan.Zero),
            Body = new TextPart("plain") { Text = message.BodyText },
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        return mime;
    }

    private Task<Case?> CaseOfAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        message.CaseId is { } caseId ? db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) : Task.FromResult<Case?>(null);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Outbox message {OutboxId} ({Purpose}) sent")]
    private static partial void LogSent(ILogger logger, long outboxId, string purpose);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Outbox message {OutboxId} ({Purpose}) failed on attempt {Attempts} ({Error}); will retry")]
    private static partial void LogRetrying(ILogger logger, long outboxId, string purpose, int attempts, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Outbox message {OutboxId} ({Purpose}) failed {Attempts} times; waiting in the failed-sends queue")]
    private static partial void LogGaveUp(ILogger logger, long outboxId, string purpose, int attempts);
}
