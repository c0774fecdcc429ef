using System.Net.Mail;
using Heard.Application.Data;
using Heard.Domain.Cases;

namespace Heard.Application.Intake;

/// <summary>A complaint as a person (or a member of staff on their behalf) gives it, before it becomes a case.</summary>
public sealed class ComplaintSubmission
{
    public Audience Audience { get; set; } = Audience.Adult;
    public string? FullName { get; set; }
    public ComplainantRole? Role { get; set; }
    public string? OnBehalfOf { get; set; }
    public bool ConsentConfirmed { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public ContactPreference? ContactPreference { get; set; }
    public string? CourtCaseNumber { get; set; }
    public LawType? LawType { get; set; }
    public Guid? ServiceAreaId { get; set; }
    public string? PractitionerName { get; set; }
    public DateOnly? InvolvementEndedOn { get; set; }
    public IList<string> Issues { get; init; } = [];
    public string? OutcomeWanted { get; set; }
    public string? Adjustments { get; set; }

    /// <summary>For a child: the trusted adult helping them, if they want to say.</summary>
    public string? HelpedBy { get; set; }

    /// <summary>The optional equality answers; stored apart from the case, never on it (see <c>EqualityMonitoring</c>).</summary>
    public Equality.EqualityAnswers? Equality { get; set; }

    /// <summary>
    /// Every problem with the submission, keyed by the field it belongs to (issues as <c>Issues[0]</c>), in the
    /// order the form asks for them. The same rules serve the public form, the staff form and the API.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        void Require(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new FieldError(field, message));
            }
        }

        void Limit(string? value, int max, string field, string what)
        {
            if (value is not null && value.Length > max)
            {
                errors.Add(new FieldError(field, $"{what} must be {max:N0} characters or fewer"));
            }
        }

        var child = Audience == Audience.Child;
        Require(FullName, nameof(FullName), child ? "Tell us your name" : "Enter your full name");
        Limit(FullName, Limits.Name, nameof(FullName), child ? "Your name" : "Full name");
        if (!child && Role is null)
        {
            errors.Add(new FieldError(nameof(Role), "Select who you are"));
        }

        if (Role == ComplainantRole.Representative)
        {
            Require(OnBehalfOf, nameof(OnBehalfOf), "Enter the name of the person you are acting for");
            Limit(OnBehalfOf, Limits.Name, nameof(OnBehalfOf), "The name of the person you are acting for");
            if (!ConsentConfirmed)
            {
                errors.Add(new FieldError(nameof(ConsentConfirmed), "Confirm that the person you are acting for has agreed"));
            }
        }

        if (string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Address))
        {
            errors.Add(new FieldError(nameof(Email), child
                ? "Tell us how we can contact you: an email address, a phone number or an address"
                : "Enter an email address, a phone number or a postal address so we can reply"));
        }

        if (!string.IsNullOrWhiteSpace(Email) && !LooksLikeEmail(Email))
        {
            errors.Add(new FieldError(nameof(Email), "Enter an email address in the correct format, like name@example.com"));
        }

        Limit(Email, Limits.Email, nameof(Email), "Email address");
        Limit(Phone, Limits.Phone, nameof(Phone), "Phone number");
        Limit(Address, Limits.Address, nameof(Address), "Address");
        switch (ContactPreference)
        {
            case Domain.Cases.ContactPreference.Email when string.IsNullOrWhiteSpace(Email):
                errors.Add(new FieldError(nameof(Email), "Enter an email address, or choose another way for us to contact you"));
                break;
            case Domain.Cases.ContactPreference.Phone when string.IsNullOrWhiteSpace(Phone):
                errors.Add(new FieldError(nameof(Phone), "Enter a phone number, or choose another way for us to contact you"));
                break;
            case Domain.Cases.ContactPreference.Post when string.IsNullOrWhiteSpace(Address):
                errors.Add(new FieldError(nameof(Address), "Enter a postal address, or choose another way for us to contact you"));
                break;
            default:
                break;
        }

        Limit(CourtCaseNumber, Limits.CourtCaseNumber, nameof(CourtCaseNumber), "Court case number");
        Limit(PractitionerName, Limits.Name, nameof(PractitionerName), "The name of the worker");
        if (InvolvementEndedOn is { } ended && ended > today)
        {
            errors.Add(new FieldError(nameof(InvolvementEndedOn), "The date our involvement ended must be today or in the past"));
        }

        var written = Issues.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (written.Count == 0)
        {
            errors.Add(new FieldError("Issues[0]", child ? "Tell us what you are unhappy about" : "Tell us what went wrong"));
        }

        if (Issues.Count > Limits.MaxIssues)
        {
            errors.Add(new FieldError("Issues[0]", $"You can tell us about up to {Limits.MaxIssues} issues here; put anything else in the last one"));
        }

        for (var i = 0; i < Issues.Count; i++)
        {
            Limit(Issues[i], Limits.IssueDescription, $"Issues[{i}]", $"Issue {i + 1}");
        }

        if (!child)
        {
            Require(OutcomeWanted, nameof(OutcomeWanted), "Tell us what you would like to happen");
        }

        Limit(OutcomeWanted, Limits.OutcomeWanted, nameof(OutcomeWanted), "What you would like to happen");
        Limit(Adjustments, Limits.Adjustments, nameof(Adjustments), "Adjustments");
        Limit(HelpedBy, Limits.Name, nameof(HelpedBy), child ? "The name of the person helping you" : "The name of the person helping");
        return errors;
    }

    private static bool LooksLikeEmail(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Contains('@', StringComparison.Ordinal)
            && !trimmed.Contains(' ', StringComparison.Ordinal)
            && MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed
            && parsed.Host.Contains('.', StringComparison.Ordinal);
    }
}

public sealed record FieldError(string Field, string Message);

/// <summary>Raised when input breaks a rule; carries every problem so the form can show them all at once.</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
