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

/// <summary>
/// Mark a learning action done (with the evidence) or cancel it (with the reason); for the people who set actions,
/// also give it to someone else or a new due date (with the reason).
/// </summary>
public sealed class CloseModel(CurrentViewer current, CaseAccess access, LearningActions actions, UserManager<HeardUser> users) : PageModel
{
    public LearningActionView Action { get; private set; } = default!;

    public string Reference => Action.CaseReference;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? CancelReason { get; set; }

    [BindProperty]
    public Guid? NewOwnerId { get; set; }

    [BindProperty]
    public DateParts NewDueOn { get; set; } = new();

    [BindProperty]
    public string? ChangeReason { get; set; }

    /// <summary>Whether the viewer may give the action to someone else or move its date (the policy's roles, not the owner alone).</summary>
    public bool CanReschedule { get; private set; }

    public IReadOnlyList<Choice> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid action, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, action, setVersion: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        NewOwnerId = Action.OwnerId;
        NewDueOn = DateParts.From(Action.DueOn);
        return Page();
    }

    public async Task<IActionResult> OnPostRescheduleAsync(Guid id, Guid action, CancellationToken cancellationToken)
    {
        var due = ModelState.ReadDate(NewDueOn, nameof(NewDueOn), "The due date");
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, action, setVersion: false, cancellationToken) ?? Page();
        }

        return await ActAsync(id, action, "Learning action changed", who => actions.RescheduleAsync(id, Version, action, NewOwnerId, due, ChangeReason, who, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostDoneAsync(Guid id, Guid action, CancellationToken cancellationToken) =>
        ActAsync(id, action, "Learning action marked as done", who => actions.CompleteAsync(id, Version, action, Evidence, who, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, Guid action, CancellationToken cancellationToken) =>
        ActAsync(id, action, "Learning action cancelled", who => actions.CancelAsync(id, Version, action, CancelReason, who, cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Guid action, string done, Func<StaffMember, Task> change, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, action, setVersion: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await ProcedureRefusals.TryAsync(ModelState, async () =>
        {
            await change((await StaffMembers.FromAsync(User, users))!);
            TempData[DetailsModel.DoneKey] = done;
            return Redirect($"/staff/cases/{id}#learning-actions");
        });
        if (outcome is not null)
        {
            return outcome;
        }

        return await LoadAsync(id, action, setVersion: false, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid action, bool setVersion, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        var visible = await access.CanSeeAsync(await current.GetAsync(cancellationToken), id, cancellationToken);
        var view = visible ? await actions.FindAsync(id, action, cancellationToken) : null;
        if (view is null || !await actions.CanChangeAsync(id, action, who, cancellationToken))
        {
            return NotFound();
        }

        Action = view;
        var learning = (await actions.ForCaseAsync(id, who, cancellationToken))!;
        if (setVersion)
        {
            Version = learning.CaseVersion;
        }

        CanReschedule = learning.CanChange && view.Status == LearningActionStatus.Open;
        if (CanReschedule)
        {
            var choices = await actions.ChoicesAsync(id, cancellationToken);
            Owners = [new Choice("", "Choose a member of staff"), .. choices.Owners.Select(o => new Choice(o.Value, o.Text))];
        }

        return null;
    }
}
