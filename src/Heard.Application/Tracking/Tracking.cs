using System.Security.Cryptography;
using System.Text;
using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Email;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heard.Application.Tracking;

/// <summary>Tracking settings (<c>Heard:Tracking</c>).</summary>
public sealed class TrackingSettings
{
    public const string Section = "Heard:Tracking";

    /// <summary>The public address of Heard, for links in letters and emails.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5080/");

    /// <summary>How long a link works: long enough for a complaint and a review by the Ombudsman.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(548);
}

/// <summary>A link just made: the only moment the token exists outside the person's hands.</summary>
public sealed record IssuedTrackingLink(Guid Id, string Token, string Path, Uri Url, DateTime ExpiresAt);

/// <summary>A letter as the tracking page lists it: its title and the day it was sent, nothing more.</summary>
public sealed record TrackedLetter(string Title, DateOnly SentOn);

/// <summary>Everything the tracking page shows. Deliberately nothing else: no names, no content, no staff.</summary>
public sealed record TrackingView(string Reference, CaseType Type, Audience Audience, string Stage, string StageExplanation, DateOnly? DueOn, bool Finished, IReadOnlyList<TrackedLetter> Letters);

/// <summary>A tracking link as staff see it on the case page.</summary>
public sealed record TrackingLinkSummary(Guid Id, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt);

/// <summary>
/// Tracking links for the public: an unguessable token (256 random bits) of which only a SHA-256 hash is stored.
/// A link that is unknown, revoked or expired finds nothing, and the caller shows the same page for all three.
/// </summary>
public sealed class Tracking(HeardDbContext db, CaseHistory history, TimeProvider clock, IOptions<TrackingSettings> options)
{
    /// <summary>
    /// Makes a new tracking link for a case and adds it, with a history entry, to the caller's unit of work: the
    /// caller saves (for example with the acknowledgement letter that carries the link).
    /// </summary>
    public async Task<IssuedTrackingLink> LinkForAsync(Guid caseId, Actor? actor = null, CancellationToken cancellationToken = default)
    {
        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new InvalidOperationException("There is no such case.");
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var link = new TrackingLink
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + options.Value.Lifetime,
        };
        db.TrackingLinks.Add(link);
        history.Record(@case, actor ?? Actor.System, "tracking-link-issued",
            $"Tracking link given, working until {UkTime.DateOf(link.ExpiresAt):d MMMM yyyy}", data: new { linkId = link.Id });
        var path = $"/track/{token}";
        return new IssuedTrackingLink(link.Id, token, path, new Uri(options.Value.PublicBaseUrl, path), link.ExpiresAt);
    }

    /// <summary>Makes a tracking link and saves it at once (the public confirmation page).</summary>
    public async Task<IssuedTrackingLink> IssueAsync(Guid caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        // Issuing only adds a link and a history line, so a clash with another save of the same case (a
        // double-clicked submit issuing its own link) is safely retried on the fresh case.
        for (var attempt = 1; ; attempt++)
        {
            var link = await LinkForAsync(caseId, actor, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return link;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>What the tracking page shows for a token, or null for an unknown, revoked or expired one.</summary>
    public async Task<TrackingView?> ViewAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token.Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        var caseId = await db.TrackingLinks.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => (Guid?)t.CaseId)
            .FirstOrDefaultAsync(cancellationToken);
        if (caseId is null)
        {
            return null;
        }

        var @case = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.Reference, c.Type, c.Audience, c.State, c.ClosedAt })
            .FirstAsync(cancellationToken);
        var finished = @case.ClosedAt is not null || ComplaintStates.Finished.Contains(@case.State);
        var due = finished ? null : await db.CaseDeadlines.AsNoTracking()
            .Where(d => d.CaseId == caseId && d.Kind == DeadlineKinds.Response && d.MetOn == null)
            .Select(d => (DateOnly?)d.DueOn)
            .FirstOrDefaultAsync(cancellationToken);
        // Emailed letters count once the email has actually gone; posted letters once staff mark them sent for printing.
        var emailed = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.CaseId == caseId && m.LetterId != null && m.Status == OutboxStatus.Sent)
            .Select(m => new { m.Subject, m.SentAt })
            .ToListAsync(cancellationToken);
        var posted = await db.Letters.AsNoTracking()
            .Where(l => l.CaseId == caseId && l.Status == Letters.LetterStatus.Sent && l.Channel == Letters.LetterChannel.Post)
            .Select(l => new { l.Subject, l.SentAt })
            .ToListAsync(cancellationToken);
        var letters = emailed.Concat(posted).Where(l => l.SentAt is not null).OrderBy(l => l.SentAt).ToList();
        var child = @case.Audience == Audience.Child;
        var (stage, explanation) = TrackingStages.Describe(@case.State, finished, child);
        return new TrackingView(@case.Reference, @case.Type, @case.Audience, stage, explanation, due, finished,
            letters.Select(l => new TrackedLetter(l.Subject, UkTime.DateOf(l.SentAt!.Value))).ToList());
    }

    public async Task<IReadOnlyList<TrackingLinkSummary>> LinksAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        await db.TrackingLinks.AsNoTracking()
            .Where(t => t.CaseId == caseId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TrackingLinkSummary(t.Id, t.CreatedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Stops every working link of a case (for example when one was sent to the wrong address).</summary>
    public async Task<CaseChange> RevokeAllAsync(Viewer viewer, Guid caseId, int expectedVersion, string? reason, CaseAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(access);
        var @case = await access.Visible(viewer).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null)
        {
            return CaseChange.NotFound;
        }

        if (!CaseAccessRules.WorksWithCases(viewer))
        {
            return CaseChange.Forbidden;
        }

        if (@case.Version != expectedVersion)
        {
            return CaseChange.Stale;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseChange.Invalid("RevokeReason", "Enter why the tracking link must stop working");
        }

        if (reason.Length > Limits.AccessReason)
        {
            return CaseChange.Invalid("RevokeReason", $"The reason must be {Limits.AccessReason:N0} characters or fewer");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.TrackingLinks.Where(t => t.CaseId == caseId && t.RevokedAt == null && t.ExpiresAt > now).ToListAsync(cancellationToken);
        if (live.Count == 0)
        {
            return CaseChange.Invalid("RevokeReason", "This case has no working tracking link to stop");
        }

        foreach (var link in live)
        {
            link.RevokedAt = now;
            link.RevokedById = viewer.UserId;
        }

        history.Record(@case, viewer.ToActor(), "tracking-link-revoked",
            live.Count == 1 ? "Tracking link stopped" : $"{live.Count} tracking links stopped",
            reason: reason.Trim(), data: new { links = live.Select(l => l.Id) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CaseChange.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CaseChange.Stale;
        }
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>How each state reads to the person tracking their case, for adults and in plain language for children.</summary>
public static class TrackingStages
{
    public static (string Stage, string Explanation) Describe(string state, bool finished, bool child)
    {
        if (finished)
        {
            return child
                ? ("Finished", "We have finished looking at what you told us. We have written to you to say what we found.")
                : ("Closed", "We have finished dealing with this. Our letters to you explain what we decided and what you can do next.");
        }

        return (state, child) switch
        {
            (ComplaintStates.Received, true) => ("We have got your message", "Thank you for telling us. Someone will get in touch with you soon."),
            (ComplaintStates.Received, false) => ("Received", "We have your complaint and will acknowledge it shortly."),
            (ComplaintStates.Acknowledged or ComplaintStates.Accepted, true) => ("We are looking at it", "A grown-up whose job is to listen to children is looking at what you told us."),
            (ComplaintStates.Acknowledged or ComplaintStates.Accepted, false) => ("Being looked at", "We have acknowledged your complaint and it is being looked into."),
            (ComplaintStates.AwaitingConsent, true) => ("Waiting for you", "We have asked you a question. Please tell us your answer when you are ready."),
            (ComplaintStates.AwaitingConsent, false) => ("Waiting for your reply", "We have offered to try to put things right quickly. We are waiting for you to tell us whether you agree."),
            (ComplaintStates.EarlyResolution, true) => ("Trying to sort it out", "Someone is trying to sort things out with you."),
            (ComplaintStates.EarlyResolution, false) => ("Early resolution", "A manager from your local team is working with you to put things right."),
            (ComplaintStates.Investigation, true) => ("We are finding out what happened", "Someone is finding out what happened. We will write to you when they have finished."),
            (ComplaintStates.Investigation, false) => ("Investigation", "A manager is investigating your complaint. We will write to you with what they find."),
            (ComplaintStates.ResponseSent, true) => ("We have written back", "We have written to you to say what we found."),
            (ComplaintStates.ResponseSent, false) => ("Response sent", "We have sent you our response."),
            (_, true) => ("We are looking at it", "We are looking at what you told us."),
            _ => ("In progress", "We are dealing with your case."),
        };
    }
}
