using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Learning;
using Heard.Application.Procedure;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Heard.Web.Pages.Staff.Cases;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Learning.Actions;

/// <summary>Set a learning action on a complaint: what, who, when, how far it is cascaded, and its theme.</summary>
public sealed class AddModel(CurrentViewer current, CaseAccess access, CaseQueries queries, LearningActions actions, UserManager<HeardUser> users) : PageModel
{
    public Guid CaseId { get; private set; }

    public string Reference { get; private set; } = "";

    public IReadOnlyList<Choice> Owners { get; private set; } = [];

    public IReadOnlyList<Choice> Teams { get; private set; } = [];

    public IReadOnlyList<Choice> Areas { get; private set; } = [];

    public IReadOnlyList<Choice> Themes { get; private set; } = [];

    public IReadOnlyList<Choice> Points { get; private set; } = [];

    public static readonly IReadOnlyList<Choice> Levels =
    [
        new(nameof(CascadeLevel.Practitioner), "Practitioner", "The practitioner whose work the complaint was about"),
        new(nameof(CascadeLevel.Team), "Team", "Choose the team below"),
        new(nameof(CascadeLevel.ServiceArea), "Service area", "Choose the service area below"),
        new(nameof(CascadeLevel.National), "National", "Shared across the service and with the national learning panel"),
    ];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public Guid? OwnerId { get; set; }

    [BindProperty]
    public DateParts DueOn { get; set; } = new();

    [BindProperty]
    public CascadeLevel? Level { get; set; }

    [BindProperty]
    public Guid? TeamId { get; set; }

    [BindProperty]
    public Guid? ServiceAreaId { get; set; }

    [BindProperty]
    public string? ThemeCode { get; set; }

    [BindProperty]
    public Guid? LearningPointId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, setVersion: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        var due = ModelState.ReadDate(DueOn, nameof(DueOn), "The due date");
        if (ModelState.IsValid)
        {
            var outcome = await ProcedureRefusals.TryAsync(ModelState, async () =>
            {
                await actions.AddAsync(id, Version, new LearningActionInput
                {
                    Description = Description,
                    OwnerId = OwnerId,
                    DueOn = due,
                    Level = Level,
                    TeamId = TeamId,
                    ServiceAreaId = ServiceAreaId,
                    ThemeCode = ThemeCode,
                    LearningPointId = LearningPointId,
                }, who, cancellationToken);
                TempData[DetailsModel.DoneKey] = "Learning action added";
                return Redirect($"/staff/cases/{id}#learning-actions");
            });
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return await LoadAsync(id, setVersion: false, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool setVersion, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        // Only someone who may set actions on this complaint sees the form; anyone else is told it is not found.
        var view = await access.CanSeeAsync(await current.GetAsync(cancellationToken), id, cancellationToken) ? await queries.FindAsync(id, cancellationToken) : null;
        var learning = view is null ? null : await actions.ForCaseAsync(id, who, cancellationToken);
        if (view is null || learning is null || !learning.CanChange)
        {
            return NotFound();
        }

        CaseId = id;
        Reference = view.Case.Reference;
        if (setVersion)
        {
            Version = learning.CaseVersion;
        }

        var choices = await actions.ChoicesAsync(id, cancellationToken);
        static List<Choice> With(string none, IEnumerable<LearningChoice> items) => [new Choice("", none), .. items.Select(i => new Choice(i.Value, i.Text))];
        Owners = With("Choose a member of staff", choices.Owners);
        Teams = With("Not a team action", choices.Teams);
        Areas = With("Not a service area action", choices.Areas);
        Themes = With("Choose a theme", choices.Themes);
        Points = With("None", choices.LearningPoints);
        return null;
    }
}
