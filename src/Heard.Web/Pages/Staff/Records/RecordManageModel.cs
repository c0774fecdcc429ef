using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Records;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Records;

/// <summary>
/// The shape every record's work page shares: load the case, post one small form to one service call, then back
/// to the page with a confirmation (post, redirect, get). A refused change shows its reasons by the fields and
/// keeps what was typed; a change based on an old version is refused and says so.
/// </summary>
public abstract class RecordManageModel(CaseQueries queries, UserManager<HeardUser> users, CurrentViewer current, CaseAccess access) : PageModel
{
    public const string DoneKey = "RecordDone";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The version of the case the member of staff saw; a save based on an older one is refused.</summary>
    [BindProperty]
    public int Version { get; set; }

    public CaseView View { get; private set; } = default!;

    public string? Done { get; private set; }

    protected abstract Task LoadRecordAsync(CancellationToken cancellationToken);

    /// <summary>The signed-in member of staff with all their roles (for letters, which sign with their name and title).</summary>
    protected Task<Heard.Application.Procedure.StaffMember?> StaffMemberAsync() => StaffMembers.FromAsync(User, users);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Version = View.Case.Version;
        Done = TempData[DoneKey] as string;
        return Page();
    }

    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        // Not found whether it does not exist or is outside the viewer's scope (a restricted case, another area):
        // the role gate on the folder is not enough on its own.
        var viewer = await current.GetAsync(cancellationToken);
        if (!await access.CanSeeAsync(viewer, Id, cancellationToken) || await queries.FindAsync(Id, cancellationToken) is not { } view)
        {
            return false;
        }

        if (HttpMethods.IsGet(Request.Method))
        {
            await access.RecordViewAsync(viewer, Id, "record-page", cancellationToken);
        }

        View = view;
        await LoadRecordAsync(cancellationToken);
        return true;
    }

    /// <summary>Runs one change; errors land under <paramref name="prefix"/> with the service's field names renamed by <paramref name="rename"/>.</summary>
    protected async Task<IActionResult> ChangeAsync(Func<Actor, Task> change, string done, string? prefix, IReadOnlyDictionary<string, string>? rename, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (ModelState.IsValid)
        {
            try
            {
                await change(await StaffActor.OfAsync(User, users));
                TempData[DoneKey] = done;
                return Redirect(Request.Path);
            }
            catch (ValidationFailedException invalid)
            {
                ModelState.AddErrors(invalid.Errors, prefix, rename);
            }
            catch (StaleCaseException stale)
            {
                ModelState.AddModelError(string.Empty, stale.Message);
            }
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }
}
