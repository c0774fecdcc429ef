using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Intake;
using Heard.Application.Records;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heard.Application.MpEnquiries;

/// <summary>An MP's enquiry as the communications team logs it.</summary>
public sealed class MpEnquirySubmission
{
    public string? MpName { get; set; }
    public string? Constituency { get; set; }
    public string? MpEmail { get; set; }
    public string? MpAddress { get; set; }
    public string? ConstituentName { get; set; }
    public string? ConstituentEmail { get; set; }
    public string? ConstituentAddress { get; set; }
    public string? CourtCaseNumber { get; set; }

    /// <summary>The reference of the complaint (or other record) it is about, if any.</summary>
    public string? RelatedReference { get; set; }
    public string? Enquiry { get; set; }

    /// <summary>Consent, if it came with the enquiry: when and how.</summary>
    public DateOnly? ConsentOn { get; set; }
    public ConsentEvidence? ConsentHow { get; set; }
    public string? ConsentNote { get; set; }

    public IReadOnlyList<FieldError> Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        RecordCases.Require(errors, MpName, nameof(MpName), "Enter the MP's name");
        RecordCases.Limit(errors, MpName, Limits.Name, nameof(MpName), "The MP's name");
        RecordCases.Limit(errors, Constituency, Limits.Name, nameof(Constituency), "The constituency");
        RecordCases.Limit(errors, MpAddress, Limits.Address, nameof(MpAddress), "The MP's address");
        if (!string.IsNullOrWhiteSpace(MpEmail) && !RecordCases.LooksLikeEmail(MpEmail))
        {
            errors.Add(new FieldError(nameof(MpEmail), "Enter the MP's email address in the correct format, like name@parliament.uk"));
        }

        RecordCases.Require(errors, ConstituentName, nameof(ConstituentName), "Enter the constituent's name");
        RecordCases.Limit(errors, ConstituentName, Limits.Name, nameof(ConstituentName), "The constituent's name");
        if (!string.IsNullOrWhiteSpace(ConstituentEmail) && !RecordCases.LooksLikeEmail(ConstituentEmail))
        {
            errors.Add(new FieldError(nameof(ConstituentEmail), "Enter the constituent's email address in the correct format, like name@example.com"));
        }

        RecordCases.Limit(errors, ConstituentAddress, Limits.Address, nameof(ConstituentAddress), "The constituent's address");
        RecordCases.Limit(errors, CourtCaseNumber, Limits.CourtCaseNumber, nameof(CourtCaseNumber), "The court case number");
        RecordCases.Require(errors, Enquiry, nameof(Enquiry), "Enter what the MP is asking");
        RecordCases.Limit(errors, Enquiry, Limits.LongText, nameof(Enquiry), "The enquiry");
        MpConsent.Check(errors, ConsentOn, ConsentHow, ConsentNote, today, optional: true);
        return errors;
    }
}

internal static class MpConsent
{
    /// <summary>Consent is a date and a way it was given, both or neither (when <paramref name="optional"/>).</summary>
    public static void Check(List<FieldError> errors, DateOnly? on, ConsentEvidence? how, string? note, DateOnly today, bool optional)
    {
        if (optional && on is null && how is null)
        {
            return;
        }

        if (on is null)
        {
            errors.Add(new FieldError("ConsentOn", "Enter the date the constituent gave their consent"));
        }

        if (how is null)
        {
            errors.Add(new FieldError("ConsentHow", "Select how the constituent gave their consent"));
        }

        RecordCases.NotFuture(errors, on, today, "ConsentOn", "The date of consent");
        RecordCases.Limit(errors, note, Limits.Adjustments, "ConsentNote", "The note about consent");
    }
}

/// <summary>
/// Logs an MP enquiry: the case (the constituent is its person), the MP's details, the response deadline from
/// configuration, consent if it came with it, and a link to the complaint it is about, all in one transaction.
/// </summary>
public sealed class MpEnquiryIntake(HeardDbContext db, CaseHistory history, CaseDeadlines deadlines, CaseLinks links, IOptions<RecordTimescales> timescales, TimeProvider clock)
{
    public async Task<IntakeResult> SubmitAsync(
        MpEnquirySubmission submission,
        Channel channel,
        Actor actor,
        string idempotencyKey,
        DateOnly? receivedOn = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (await RecordCases.FindByKeyAsync(db, idempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.DateOf(now);
        var errors = submission.Validate(today).ToList();
        RecordCases.NotFuture(errors, receivedOn, today, "receivedOn", "The date it was received");
        RecordCases.ThrowIfAny(errors);

        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Reference = await RecordCases.NewReferenceAsync(db, CaseType.MpEnquiry, cancellationToken),
            Type = CaseType.MpEnquiry,
            Audience = Audience.Adult,
            Channel = channel,
            ReceivedAt = now,
            ReceivedOn = receivedOn ?? today,
            State = RecordStates.EnquiryReceived,
            IdempotencyKey = idempotencyKey,
            CourtCaseNumber = RecordCases.Tidy(submission.CourtCaseNumber)?.ToUpperInvariant(),
            Person = new Person
            {
                FullName = submission.ConstituentName!.Trim(),
                Role = ComplainantRole.Other,
                Email = RecordCases.Tidy(submission.ConstituentEmail),
                Address = RecordCases.Tidy(submission.ConstituentAddress),
                ContactPreference = ContactPreference.Post,
            },
            UpdatedAt = now,
        };
        if (@case.CourtCaseNumber is { } number && await db.FamilyCourtCases.FirstOrDefaultAsync(f => f.CaseNumber == number, cancellationToken) is { } court)
        {
            @case.FamilyCourtCaseId = court.Id;
            @case.ServiceAreaId = court.ServiceAreaId;
            @case.LawType = court.LawType;
        }

        var enquiry = new MpEnquiry
        {
            CaseId = @case.Id,
            MpName = submission.MpName!.Trim(),
            Constituency = RecordCases.Tidy(submission.Constituency),
            MpEmail = RecordCases.Tidy(submission.MpEmail),
            MpAddress = RecordCases.Tidy(submission.MpAddress),
            Enquiry = submission.Enquiry!.Trim(),
        };
        db.Cases.Add(@case);
        db.MpEnquiries.Add(enquiry);
        history.Record(@case, actor, "received", $"MP enquiry from {enquiry.MpName} received by {channel.Describe()}", toState: @case.State,
            data: new { channel = channel.ToString(), receivedOn = @case.ReceivedOn });

        if (submission.ConsentOn is { } consentOn && submission.ConsentHow is { } how)
        {
            MpEnquiryHandling.ApplyConsent(history, @case, enquiry, consentOn, how, RecordCases.Tidy(submission.ConsentNote), actor);
        }

        if (!string.IsNullOrWhiteSpace(submission.RelatedReference))
        {
            var related = await links.AddAsync(@case, submission.RelatedReference, nameof(submission.RelatedReference), actor, cancellationToken);
            @case.ServiceAreaId ??= related.ServiceAreaId;
        }

        await deadlines.SetAsync(@case, RecordDeadlineKinds.MpResponse, DeadlineRule.Parse(timescales.Value.MpEnquiryResponse), @case.ReceivedOn, actor, cancellationToken);
        return await RecordCases.SaveNewAsync(db, @case, cancellationToken);
    }
}
