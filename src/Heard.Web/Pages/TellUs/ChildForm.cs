using Heard.Application.Intake;
using Heard.Domain.Cases;

namespace Heard.Web.Pages.TellUs;

/// <summary>The children's form as posted: a few plain questions, turned into a child's complaint.</summary>
public sealed class ChildForm
{
    public string? SubmissionKey { get; set; }
    public string? FullName { get; set; }
    public string? What { get; set; }
    public string? Better { get; set; }
    public string? PractitionerName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? HelpedBy { get; set; }

    /// <summary>The optional "about you" questions; kept apart from the complaint when it is sent.</summary>
    public Heard.Application.Equality.EqualityAnswers Equality { get; set; } = new();

    public ComplaintSubmission ToSubmission() => new()
    {
        Audience = Audience.Child,
        FullName = FullName,
        Issues = [What ?? ""],
        OutcomeWanted = Better,
        PractitionerName = PractitionerName,
        Email = Email,
        Phone = Phone,
        Address = Address,
        HelpedBy = HelpedBy,
        Equality = Equality,
    };

    /// <summary>The form field a submission's field is asked in.</summary>
    public static string FieldOf(string submissionField) => submissionField switch
    {
        "Issues[0]" => nameof(What),
        nameof(ComplaintSubmission.OutcomeWanted) => nameof(Better),
        _ => submissionField,
    };
}
