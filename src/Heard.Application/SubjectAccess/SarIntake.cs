using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Intake;
using Heard.Application.Records;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Microsoft.Extensions.Options;

namespace Heard.Application.SubjectAccess;

/// <summary>A subject access request as the requester (or a member of staff for them) gives it.</summary>
public sealed class SarSubmission
{
    public string? RequesterName { get; set; }
    public string? RequesterEmail { get; set; }
    public string? RequesterPhone { get; set; }
    public string? RequesterAddress { get; set; }
    public SubjectRelationship? Relationship { get; set; }

    /// <summary>Whose data: needed when it is not the requester's own.</summary>
    public string? SubjectName { get; set; }
    public DateOnly? SubjectDateOfBirth { get; set; }
    public string? SubjectEmail { get; set; }
    public string? RequestDetails { get; set; }
    public string? AuthorityEvidence { get; set; }

    /// <summary>Staff only: identity already checked when the request was logged, with what was seen.</summary>
    public DateOnly? IdentityConfirmedOn { get; set; }
    public string? IdentityEvidence { get; set; }

    /// <summary>The optional equality answers (public form only); stored apart from the request (see <c>EqualityMonitoring</c>).</summary>
    public Equality.EqualityAnswers? Equality { get; set; }

    public IReadOnlyList<FieldError> Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        RecordCases.Require(errors, RequesterName, nameof(RequesterName), "Enter your full name");
        RecordCases.Limit(errors, RequesterName, Limits.Name, nameof(RequesterName), "Full name");
        if (string.IsNullOrWhiteSpace(RequesterEmail) && string.IsNullOrWhiteSpace(RequesterAddress))
        {
            errors.Add(new FieldError(nameof(RequesterEmail), "Enter an email address or a postal address so we can send you the information"));
        }

        if (!string.IsNullOrWhiteSpace(RequesterEmail) && !RecordCases.LooksLikeEmail(RequesterEmail))
        {
            errors.Add(new FieldError(nameof(RequesterEmail), "Enter an email address in the correct format, like name@example.com"));
        }

        RecordCases.Limit(errors, RequesterEmail, Limits.Email, nameof(RequesterEmail), "Email address");
        RecordCases.Limit(errors, RequesterPhone, Limits.Phone, nameof(RequesterPhone), "Phone number");
        RecordCases.Limit(errors, RequesterAddress, Limits.Address, nameof(RequesterAddress), "Address");
        if (Relationship is null)
        {
            errors.Add(new FieldError(nameof(Relationship), "Select whose information you are asking for"));
        }
        else if (Relationship != SubjectRelationship.Self)
        {
            RecordCases.Require(errors, SubjectName, nameof(SubjectName), Relationship == SubjectRelationship.ChildOfRequester
                ? "Enter your child's full name" : "Enter the full name of the person you are acting for");
            RecordCases.Require(errors, AuthorityEvidence, nameof(AuthorityEvidence), Relationship == SubjectRelationship.ChildOfRequester
                ? "Tell us how you have parental responsibility for the child" : "Tell us what authority you have to act for them");
        }

        RecordCases.Limit(errors, SubjectName, Limits.Name, nameof(SubjectName), "The name");
        RecordCases.Limit(errors, AuthorityEvidence, Limits.Adjustments, nameof(AuthorityEvidence), "Your authority");
        if (!string.IsNullOrWhiteSpace(SubjectEmail) && !RecordCases.LooksLikeEmail(SubjectEmail))
        {
            errors.Add(new FieldError(nameof(SubjectEmail), "Enter their email address in the correct format, like name@example.com"));
        }

        RecordCases.NotFuture(errors, SubjectDateOfBirth, today, nameof(SubjectDateOfBirth), "The date of birth");
        RecordCases.Require(errors, RequestDetails, nameof(RequestDetails), "Tell us what information you want");
        RecordCases.Limit(errors, RequestDetails, Limits.LongText, nameof(RequestDetails), "What information you want");
        RecordCases.Limit(errors, IdentityEvidence, Limits.Adjustments, nameof(IdentityEvidence), "The identity evidence");
        if (IdentityConfirmedOn is not null)
        {
            RecordCases.Require(errors, IdentityEvidence, nameof(IdentityEvidence), "Say what proof of identity was seen");
        }

        RecordCases.NotFuture(errors, IdentityConfirmedOn, today, nameof(IdentityConfirmedOn), "The date identity was confirmed");
        return errors;
    }
}

/// <summary>
/// Turns a subject access request into a case. The statutory clock does not start until the requester's identity
/// is confirmed: until then the request waits for proof of identity, with no due date.
/// </summary>
public sealed class SarIntake(HeardDbContext db, CaseHistory history, CaseDeadlines deadlines, IOptions<RecordTimescales> timescales, TimeProvider clock)
{
    public async Task<IntakeResult> SubmitAsync(SarSubmission submission, Channel channel, Actor actor, string idempotencyKey, DateOnly? receivedOn = null, CancellationToken cancellationToken = default)
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
        var received = receivedOn ?? today;
        if (submission.IdentityConfirmedOn is { } confirmed && confirmed < received)
        {
            errors.Add(new FieldError(nameof(submission.IdentityConfirmedOn), "Identity cannot be confirmed before the request was received"));
        }

        RecordCases.ThrowIfAny(errors);
        var self = submission.Relationship == SubjectRelationship.Self;
        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Reference = await RecordCases.NewReferenceAsync(db, CaseType.SubjectAccessRequest, cancellationToken),
            Type = CaseType.SubjectAccessRequest,
            Audience = Audience.Adult,
            Channel = channel,
            ReceivedAt = now,
            ReceivedOn = received,
            State = RecordStates.AwaitingIdentity,
            IdempotencyKey = idempotencyKey,
            Person = new Person
            {
                FullName = submission.RequesterName!.Trim(),
                Role = submission.Relationship == SubjectRelationship.ChildOfRequester ? ComplainantRole.Parent
                    : submission.Relationship == SubjectRelationship.RepresentedPerson ? ComplainantRole.Representative : ComplainantRole.Other,
                Email = RecordCases.Tidy(submission.RequesterEmail),
                Phone = RecordCases.Tidy(submission.RequesterPhone),
                Address = RecordCases.Tidy(submission.RequesterAddress),
                ContactPreference = string.IsNullOrWhiteSpace(submission.RequesterEmail) ? ContactPreference.Post : ContactPreference.Email,
                OnBehalfOf = self ? null : RecordCases.Tidy(submission.SubjectName),
                ConsentConfirmed = !self && !string.IsNullOrWhiteSpace(submission.AuthorityEvidence),
            },
            UpdatedAt = now,
        };
        var sar = new SubjectAccessRequest
        {
            CaseId = @case.Id,
            Relationship = submission.Relationship!.Value,
            SubjectName = self ? @case.Person.FullName : submission.SubjectName!.Trim(),
            SubjectDateOfBirth = submission.SubjectDateOfBirth,
            SubjectEmail = self ? @case.Person.Email : RecordCases.Tidy(submission.SubjectEmail),
            RequestDetails = submission.RequestDetails!.Trim(),
            AuthorityEvidence = self ? null : RecordCases.Tidy(submission.AuthorityEvidence),
            IdentityRequestedOn = submission.IdentityConfirmedOn is null ? received : null,
        };
        db.Cases.Add(@case);
        db.SubjectAccessRequests.Add(sar);
        Equality.EqualityMonitoring.Add(db, Equality.EqualitySource.SubjectAccessRequest, submission.Equality, received, @case.ServiceAreaId);
        history.Record(@case, actor, "received", $"Subject access request received by {channel.Describe()}: {sar.Relationship.Describe().ToLowerInvariant()}",
            toState: @case.State, data: new { channel = channel.ToString(), receivedOn = received, relationship = sar.Relationship.ToString() });
        if (submission.IdentityConfirmedOn is { } on)
        {
            await SarHandling.StartClockAsync(history, deadlines, timescales.Value, @case, sar, on, submission.IdentityEvidence!.Trim(), actor, cancellationToken);
        }

        return await RecordCases.SaveNewAsync(db, @case, cancellationToken);
    }
}
