using Heard.Application.Compliments;
using Heard.Application.Data;
using Heard.Application.Feedback;
using Heard.Application.Intake;
using Heard.Application.SubjectAccess;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Api;

/// <summary>A compliment as another system sends it. Field names and rules are the public form's.</summary>
public sealed class ComplimentRequest
{
    public Audience Audience { get; set; } = Audience.Adult;
    public string? FullName { get; set; }
    public string? Email { get; set; }
    public ComplainantRole? Role { get; set; }

    /// <summary>Who or which team the compliment is about, as the person wrote it.</summary>
    public string? StaffName { get; set; }

    /// <summary>The service area's code (OSA01 … OSA19), if known.</summary>
    public string? ServiceAreaCode { get; set; }
    public string? Text { get; set; }

    /// <summary>How it reached the other system (defaults to the API itself).</summary>
    public Channel? Channel { get; set; }

    /// <summary>The day it was received, if earlier than today.</summary>
    public DateOnly? ReceivedOn { get; set; }

    internal async Task<(ComplimentSubmission Submission, IReadOnlyList<FieldError> Errors)> ToSubmissionAsync(HeardDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var areaId = await ServiceAreaCodes.FindAsync(db, ServiceAreaCode, errors, cancellationToken);
        return (new ComplimentSubmission
        {
            Audience = Audience,
            FullName = FullName,
            Email = Email,
            Role = Role,
            StaffName = StaffName,
            ServiceAreaId = areaId,
            Text = Text,
        }, errors);
    }
}

/// <summary>
/// A subject access request as another system sends it. Identity is confirmed by the information rights team in
/// Heard, never by the sender, so the statutory clock starts only when they confirm it.
/// </summary>
public sealed class SubjectAccessRequestRequest
{
    public string? RequesterName { get; set; }
    public string? RequesterEmail { get; set; }
    public string? RequesterPhone { get; set; }
    public string? RequesterAddress { get; set; }
    public SubjectRelationship? Relationship { get; set; }
    public string? SubjectName { get; set; }
    public DateOnly? SubjectDateOfBirth { get; set; }
    public string? SubjectEmail { get; set; }
    public string? RequestDetails { get; set; }
    public string? AuthorityEvidence { get; set; }
    public Channel? Channel { get; set; }
    public DateOnly? ReceivedOn { get; set; }

    internal SarSubmission ToSubmission() => new()
    {
        RequesterName = RequesterName,
        RequesterEmail = RequesterEmail,
        RequesterPhone = RequesterPhone,
        RequesterAddress = RequesterAddress,
        Relationship = Relationship,
        SubjectName = SubjectName,
        SubjectDateOfBirth = SubjectDateOfBirth,
        SubjectEmail = SubjectEmail,
        RequestDetails = RequestDetails,
        AuthorityEvidence = AuthorityEvidence,
    };
}

/// <summary>A survey response as another system sends it: the survey, the link's tag if there was one, the answers by question key.</summary>
public sealed class FeedbackRequest
{
    public string? SurveyCode { get; set; }
    public string? Tag { get; set; }
    public Dictionary<string, AnswerGiven> Answers { get; init; } = [];
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    internal FeedbackSubmission ToSubmission()
    {
        var submission = new FeedbackSubmission { SurveyCode = SurveyCode, Tag = Tag, ContactName = ContactName, ContactEmail = ContactEmail };
        foreach (var (key, answer) in Answers)
        {
            submission.Answers[key] = answer;
        }

        return submission;
    }
}

internal static class ServiceAreaCodes
{
    /// <summary>The id of the service area with this code (any case, spaces trimmed); an error is added when there is none.</summary>
    public static async Task<Guid?> FindAsync(HeardDbContext db, string? code, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var wanted = code.Trim().ToUpperInvariant();
        var id = await db.ServiceAreas.Where(a => a.Code == wanted).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            errors.Add(new FieldError("ServiceAreaCode", "There is no service area with this code"));
        }

        return id;
    }
}
