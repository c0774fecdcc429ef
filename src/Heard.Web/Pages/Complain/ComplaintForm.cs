using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Web.Govuk;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Heard.Web.Pages.Complain;

/// <summary>
/// The complaint form as posted: the public form and the staff "log a complaint" page share it, so both ask the
/// same questions and apply the same rules (those of <see cref="ComplaintSubmission"/>).
/// </summary>
public sealed class ComplaintForm
{
    /// <summary>Made when the form is first shown and carried through, so a re-posted submit makes one case.</summary>
    public string? SubmissionKey { get; set; }
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
    public DateParts InvolvementEndedOn { get; set; } = new();
    public List<string?> Issues { get; set; } = [null];
    public string? OutcomeWanted { get; set; }
    public string? Adjustments { get; set; }

    /// <summary>The optional equality questions (public form only); kept apart from the case when it is sent.</summary>
    public Heard.Application.Equality.EqualityAnswers Equality { get; set; } = new();

    public static readonly IReadOnlyList<Choice> RoleChoices =
    [
        new(nameof(ComplainantRole.Parent), "A parent"),
        new(nameof(ComplainantRole.Carer), "A carer or guardian"),
        new(nameof(ComplainantRole.FamilyMember), "Another family member", "For example, a grandparent"),
        new(nameof(ComplainantRole.LitigantInPerson), "Someone representing themselves in court"),
        new(nameof(ComplainantRole.Representative), "Someone acting for another person", "For example, a solicitor, advocate or friend, with that person's agreement"),
        new(nameof(ComplainantRole.Other), "Something else"),
    ];

    public static readonly IReadOnlyList<Choice> ContactChoices =
    [
        new(nameof(Domain.Cases.ContactPreference.Email), "Email"),
        new(nameof(Domain.Cases.ContactPreference.Phone), "Phone"),
        new(nameof(Domain.Cases.ContactPreference.Post), "Post"),
    ];

    public static readonly IReadOnlyList<Choice> LawTypeChoices =
    [
        new(nameof(Domain.Cases.LawType.Private), "Private law", "A case between family members, such as where a child will live"),
        new(nameof(Domain.Cases.LawType.Public), "Public law", "A case brought by a local authority, such as care proceedings"),
        new("", "I do not know"),
    ];

    /// <summary>Turns the form into a submission, adding any problem with the date to <paramref name="modelState"/>.</summary>
    public ComplaintSubmission ToSubmission(ModelStateDictionary modelState, string prefix, Audience audience = Audience.Adult)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var (ended, dateError) = InvolvementEndedOn.Read("The date our involvement ended");
        if (dateError is not null)
        {
            modelState.AddModelError($"{prefix}.{nameof(InvolvementEndedOn)}", dateError);
        }

        return new ComplaintSubmission
        {
            Audience = audience,
            FullName = FullName,
            Role = Role,
            OnBehalfOf = OnBehalfOf,
            ConsentConfirmed = ConsentConfirmed,
            Email = Email,
            Phone = Phone,
            Address = Address,
            ContactPreference = ContactPreference,
            CourtCaseNumber = CourtCaseNumber,
            LawType = LawType,
            ServiceAreaId = ServiceAreaId,
            PractitionerName = PractitionerName,
            InvolvementEndedOn = ended,
            Issues = Issues.Select(i => i ?? "").ToList(),
            OutcomeWanted = OutcomeWanted,
            Adjustments = Adjustments,
            Equality = Equality,
        };
    }
}

/// <summary>What the shared complaint questions need from the page showing them.</summary>
public interface IComplaintQuestions
{
    ComplaintForm Form { get; }

    IReadOnlyList<Choice> ServiceAreaChoices { get; }
}
