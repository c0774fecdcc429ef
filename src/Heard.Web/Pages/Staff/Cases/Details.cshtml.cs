using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Children;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Letters;
using Heard.Application.Procedure;
using Heard.Application.Tracking;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Cases;

/// <summary>
/// The case page. Each POST handler takes one action through one service and returns to the page; a refusal, a
/// problem with the input or a stale form comes back on the page with what the person typed.
/// </summary>
public sealed class DetailsModel(
    CurrentViewer current,
    CaseAccess access,
    Tracking tracking,
    TimeProvider clock,
    CaseQueries queries,
    ProcedureQueries procedureQueries,
    ComplaintProcedure procedure,
    CaseLetters letters,
    CaseFindings findings,
    ChildrensComplaints children,
    UserManager<HeardUser> users) : PageModel
{
    public const string DoneKey = "CaseDone";

    public CaseView View { get; private set; } = default!;

    /// <summary>The complaint's procedure as this person may work on it; null for a case with none.</summary>
    public ProcedureView? Procedure { get; private set; }

    /// <summary>The step whose form came back with a problem, shown open.</summary>
    public string? OpenStep { get; private set; }

    public string? Done { get; private set; }

    public IReadOnlyList<NamedPerson> NamedPeople { get; private set; } = [];

    public IReadOnlyList<TrackingLinkSummary> TrackingLinks { get; private set; } = [];

    public int LiveTrackingLinks { get; private set; }

    public bool ManagesAccess { get; private set; }

    public bool ReadsAccessLog { get; private set; }

    [BindProperty]
    public Dictionary<string, StepForm> Steps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The version of the case the form was shown with.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Template { get; set; }

    [BindProperty]
    public string? LearningPoint { get; set; }

    [BindProperty]
    public Guid? ShareWith { get; set; }

    [BindProperty]
    public string? ShareReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Done = TempData[DoneKey] as string;
        return await ShowAsync(id, cancellationToken, recordView: true);
    }

    public Task<IActionResult> OnPostStepAsync(Guid id, string step, CancellationToken cancellationToken) =>
        ActAsync(id, $"Steps[{step}]", step, async who =>
        {
            var form = Steps.GetValueOrDefault(step) ?? new StepForm();
            var input = form.ToInput(ModelState, $"Steps[{step}]");
            if (!ModelState.IsValid)
            {
                return null;
            }

            var outcome = await procedure.ApplyAsync(id, Version, step, input, who, cancellationToken);
            if (outcome.LetterId is null)
            {
                TempData[DoneKey] = $"Done: {outcome.StepName}";
            }
            else
            {
                TempData[Letters.LetterModel.DoneKey] = $"Done: {outcome.StepName}. Check the letter, then send it.";
            }

            return outcome.LetterId is { } letterId ? Redirect($"/staff/cases/{id}/letters/{letterId}") : null;
        }, cancellationToken);

    public Task<IActionResult> OnPostPrepareLetterAsync(Guid id, string step, CancellationToken cancellationToken) =>
        ActAsync(id, "", null, async who => Redirect($"/staff/cases/{id}/letters/{await letters.PrepareStepAsync(id, Version, step, who, cancellationToken)}"), cancellationToken);

    public Task<IActionResult> OnPostWriteLetterAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "", null, async who => Redirect($"/staff/cases/{id}/letters/{await letters.WriteAsync(id, Version, Template, who, cancellationToken)}"), cancellationToken);

    public Task<IActionResult> OnPostLearningPointAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "", null, async who =>
        {
            await findings.AddLearningPointAsync(id, Version, LearningPoint, who, cancellationToken);
            TempData[DoneKey] = "Learning point added";
            return null;
        }, cancellationToken);

    public Task<IActionResult> OnPostApproveRemedyAsync(Guid id, Guid remedy, CancellationToken cancellationToken) =>
        ActAsync(id, "", null, async who =>
        {
            await findings.ApproveRemedyAsync(id, Version, remedy, who, cancellationToken);
            TempData[DoneKey] = "Payment approved";
            return null;
        }, cancellationToken);

    public Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "", null, async who =>
        {
            await children.ShareAsync(id, Version, ShareWith, ShareReason, who, cancellationToken);
            TempData[DoneKey] = "Complaint shared";
            return null;
        }, cancellationToken);

    public Task<IActionResult> OnPostStopSharingAsync(Guid id, Guid share, CancellationToken cancellationToken) =>
        ActAsync(id, "", null, async who =>
        {
            await children.StopSharingAsync(id, Version, share, who, cancellationToken);
            TempData[DoneKey] = "Sharing stopped";
            return null;
        }, cancellationToken);

    /// <summary>
    /// Runs one action as the signed-in member of staff. Success returns to the case page (or where the action
    /// says); a problem shows the page again with the errors, keyed under <paramref name="prefix"/>.
    /// </summary>
    private async Task<IActionResult> ActAsync(Guid id, string prefix, string? step, Func<StaffMember, Task<IActionResult?>> act, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        var outcome = await ProcedureRefusals.TryAsync(
            ModelState,
            async () =>
            {
                var result = await act(who);
                return ModelState.IsValid ? result ?? Redirect($"/staff/cases/{id}") : null;
            },
            prefix);
        if (outcome is not null)
        {
            return outcome;
        }

        OpenStep = step;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken, bool recordView = false)
    {
        var viewer = await current.GetAsync(cancellationToken);
        // Not found whether it does not exist or is outside the viewer's scope: a guessed address tells nothing.
        if (!await access.CanSeeAsync(viewer, id, cancellationToken) || await queries.FindAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        if (!await children.CanSeeAsync(who, view.Case, cancellationToken))
        {
            return NotFound();
        }

        if (recordView)
        {
            await access.RecordViewAsync(viewer, id, "case-page", cancellationToken);
        }

        View = view;
        NamedPeople = await access.NamedPeopleAsync(id, cancellationToken);
        TrackingLinks = await tracking.LinksAsync(id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        LiveTrackingLinks = TrackingLinks.Count(l => l.RevokedAt is null && l.ExpiresAt > now);
        ManagesAccess = CaseAccessRules.ManagesRestrictions(viewer);
        ReadsAccessLog = CaseAccessRules.ReadsAccessLog(viewer);
        Procedure = await procedureQueries.ViewAsync(id, who, cancellationToken);
        if (Procedure is not null)
        {
            // Every form carries the version of the case as shown; a save by someone else since then refuses it.
            Version = Procedure.CaseVersion;
            foreach (var offer in Procedure.Actions)
            {
                Steps.TryAdd(offer.Step.Code, new StepForm());
            }
        }

        return Page();
    }
}
