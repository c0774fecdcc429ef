using System.Globalization;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Email;
using Heard.Application.Intake;
using Heard.Application.Letters;
using Heard.Application.Procedure;
using Heard.Application.Records;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.MpEnquiries;

/// <summary>
/// The communications team's work on an MP enquiry: the constituent's consent, links to the complaint it is about,
/// and the response. Nothing about a constituent goes to the MP until consent is recorded.
/// </summary>
public sealed class MpEnquiryHandling(HeardDbContext db, CaseHistory history, CaseDeadlines deadlines, CaseLinks links, TimeProvider clock, LetterComposer composer, Outbox outbox)
{
    public const string ResponseTemplate = "mp-response";

    public async Task RecordConsentAsync(Guid caseId, int expectedVersion, DateOnly? on, ConsentEvidence? how, string? note, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new List<FieldError>();
        MpConsent.Check(errors, on, how, note, UkTime.Today(clock), optional: false);
        RecordCases.ThrowIfAny(errors);
        var @case = await RecordCases.LoadForChangeAsync(db, caseId, CaseType.MpEnquiry, expectedVersion, cancellationToken);
        var enquiry = await db.MpEnquiries.FirstAsync(m => m.CaseId == caseId, cancellationToken);
        ApplyConsent(history, @case, enquiry, on!.Value, how!.Value, RecordCases.Tidy(note), actor);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    internal static void ApplyConsent(CaseHistory history, Case @case, MpEnquiry enquiry, DateOnly on, ConsentEvidence how, string? note, Actor actor)
    {
        enquiry.ConsentRecordedOn = on;
        enquiry.ConsentHow = how;
        enquiry.ConsentNote = note;
        enquiry.ConsentRecordedBy = actor.Name;
        history.Record(@case, actor, "consent-recorded",
            $"Constituent's consent recorded: {how.Describe().ToLowerInvariant()}, given {on.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
            reason: note, data: new { on, how = how.ToString() });
    }

    /// <summary>
    /// Why nothing about the constituent may be sent to the MP yet, or null when it may. THE LETTER SEAM: the letters
    /// system (branch <c>procedure</c>) must call this before it sends any letter on an MP enquiry, and show the
    /// reason when it refuses.
    /// </summary>
    public async Task<string?> WhyCannotSendAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var enquiry = await db.MpEnquiries.AsNoTracking().FirstOrDefaultAsync(m => m.CaseId == caseId, cancellationToken);
        return enquiry is null ? "This is not an MP enquiry." : WhyCannotSend(enquiry);
    }

    public static string? WhyCannotSend(MpEnquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return enquiry.ConsentRecorded
            ? null
            : "The constituent's consent is not recorded. Nothing about them can be sent to the MP until it is: record when and how they gave it first.";
    }

    /// <summary>
    /// Records that the response went to the MP on <paramref name="sentOn"/>, which meets the response deadline and
    /// closes the enquiry. Refused while consent is not recorded. <paramref name="letterId"/> is the seam for the
    /// letters system: once it writes the response letter, it passes that letter's id here.
    /// </summary>
    public async Task RecordResponseSentAsync(Guid caseId, int expectedVersion, DateOnly? sentOn, string? summary, Actor actor, Guid? letterId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var @case = await RecordCases.LoadForChangeAsync(db, caseId, CaseType.MpEnquiry, expectedVersion, cancellationToken);
        var enquiry = await db.MpEnquiries.FirstAsync(m => m.CaseId == caseId, cancellationToken);
        var errors = new List<FieldError>();
        NotYetAnswerable(enquiry, "SentOn", errors);

        if (sentOn is null)
        {
            errors.Add(new FieldError("SentOn", "Enter the date the response was sent"));
        }
        else if (sentOn < @case.ReceivedOn)
        {
            errors.Add(new FieldError("SentOn", "The response cannot be sent before the enquiry was received"));
        }

        RecordCases.NotFuture(errors, sentOn, UkTime.Today(clock), "SentOn", "The date the response was sent");
        RecordCases.Limit(errors, summary, Limits.LongText, "Summary", "The summary of the response");
        RecordCases.ThrowIfAny(errors);

        await MarkSentAsync(@case, enquiry, sentOn!.Value, summary, actor, letterId, cancellationToken);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    /// <summary>
    /// The response letter's first draft from the <c>mp-response</c> template, for the team to finish: the case's
    /// fields, the MP's name, and a marked gap for the answer itself. Nothing is saved.
    /// </summary>
    public async Task<(string Subject, string Body)> DraftResponseAsync(Guid caseId, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var @case = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == caseId && c.Type == CaseType.MpEnquiry, cancellationToken);
        var enquiry = await db.MpEnquiries.AsNoTracking().FirstAsync(m => m.CaseId == caseId, cancellationToken);
        var template = LetterTemplates.BuiltIn.Find(ResponseTemplate, Audience.Adult)
            ?? throw new InvalidOperationException($"The {ResponseTemplate} letter template is missing.");
        var fields = await composer.FieldsAsync(@case, policy: null, who, cancellationToken);
        fields["MpName"] = enquiry.MpName;
        fields["ResponseText"] = null;
        var merged = LetterTemplates.Merge(template, fields);
        return (merged.Subject, merged.Body);
    }

    /// <summary>
    /// Sends the response letter to the MP (by email when we have their email address, otherwise marked for posting),
    /// keeps it with the case's letters, and records the response as sent today, meeting the response target — all
    /// in one save. Refused while consent is not recorded, or while the letter still has a gap marked <c>[[…]]</c>.
    /// </summary>
    public async Task<Guid> SendResponseLetterAsync(Guid caseId, int expectedVersion, string? subject, string? body, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var @case = await RecordCases.LoadForChangeAsync(db, caseId, CaseType.MpEnquiry, expectedVersion, cancellationToken);
        var enquiry = await db.MpEnquiries.FirstAsync(m => m.CaseId == caseId, cancellationToken);
        var errors = new List<FieldError>();
        NotYetAnswerable(enquiry, "LetterBody", errors);

        RecordCases.Require(errors, subject, "LetterSubject", "Enter the subject of the letter");
        RecordCases.Limit(errors, subject, Limits.LetterSubject, "LetterSubject", "The subject");
        RecordCases.Require(errors, body, "LetterBody", "Write the letter");
        RecordCases.Limit(errors, body, Limits.Letter, "LetterBody", "The letter");
        if (LetterTemplates.Unfilled((subject ?? "") + "\n" + (body ?? "")) is { Count: > 0 } gaps)
        {
            errors.Add(new FieldError("LetterBody", $"Fill in or remove {string.Join(", ", gaps)} before sending"));
        }

        var email = RecordCases.Tidy(enquiry.MpEmail);
        var address = RecordCases.Tidy(enquiry.MpAddress);
        if (email is null && address is null)
        {
            errors.Add(new FieldError("LetterBody", "Add the MP's email address or postal address to the enquiry before sending"));
        }

        RecordCases.ThrowIfAny(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var letter = new Letter
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            Template = ResponseTemplate,
            Audience = Audience.Adult,
            Subject = subject!.Trim(),
            Body = body!.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n",
            Status = LetterStatus.Sent,
            Channel = email is not null ? LetterChannel.Email : LetterChannel.Post,
            RecipientName = enquiry.MpName,
            RecipientAddress = email ?? address,
            CreatedAt = now,
            CreatedByName = actor.Name,
            SentAt = now,
            SentById = actor.UserId,
            SentByName = actor.Name,
        };
        db.Letters.Add(letter);
        if (letter.Channel == LetterChannel.Email)
        {
            outbox.Enqueue("letter", email!, enquiry.MpName, letter.Subject, letter.Body, caseId, letter.Id);
        }

        history.Record(@case, actor, "letter-sent", $"Response letter sent to {enquiry.MpName} by {(letter.Channel == LetterChannel.Email ? "email" : "post")}",
            data: new { letterId = letter.Id, template = ResponseTemplate, channel = letter.Channel.ToString() });
        await MarkSentAsync(@case, enquiry, UkTime.DateOf(now), summary: null, actor, letter.Id, cancellationToken);
        await RecordCases.SaveChangeAsync(db, cancellationToken);
        return letter.Id;
    }

    /// <summary>Why no response may go now: consent not recorded, or a response already sent.</summary>
    private static void NotYetAnswerable(MpEnquiry enquiry, string field, List<FieldError> errors)
    {
        if (WhyCannotSend(enquiry) is { } reason)
        {
            errors.Add(new FieldError(field, reason));
        }
        else if (enquiry.ResponseSentOn is { } already)
        {
            errors.Add(new FieldError(field, $"The response was already sent, on {already.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"));
        }
    }

    private async Task MarkSentAsync(Case @case, MpEnquiry enquiry, DateOnly sentOn, string? summary, Actor actor, Guid? letterId, CancellationToken cancellationToken)
    {
        enquiry.ResponseSentOn = sentOn;
        enquiry.ResponseSummary = RecordCases.Tidy(summary);
        enquiry.ResponseLetterId = letterId;
        var from = @case.State;
        @case.State = RecordStates.ResponseSent;
        @case.ClosedAt = clock.GetUtcNow().UtcDateTime;
        history.Record(@case, actor, "response-sent", $"Response sent to {enquiry.MpName} on {sentOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
            fromState: from, toState: @case.State, data: new { sentOn, letterId });
        await deadlines.MarkMetAsync(@case, RecordDeadlineKinds.MpResponse, sentOn, actor, cancellationToken);
    }

    /// <summary>Links the enquiry to the complaint (or other record) it is about.</summary>
    public async Task LinkAsync(Guid caseId, int expectedVersion, string? reference, Actor actor, CancellationToken cancellationToken = default)
    {
        var @case = await RecordCases.LoadForChangeAsync(db, caseId, CaseType.MpEnquiry, expectedVersion, cancellationToken);
        var related = await links.AddAsync(@case, reference, "Reference", actor, cancellationToken);
        @case.ServiceAreaId ??= related.ServiceAreaId;
        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }
}
