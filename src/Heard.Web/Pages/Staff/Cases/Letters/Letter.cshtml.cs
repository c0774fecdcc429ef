using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Letters;
using Heard.Application.Procedure;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Cases.Letters;

/// <summary>A letter: preview and edit a draft, then send it; or read one as it was sent.</summary>
public sealed class LetterModel(CaseLetters letters, UserManager<HeardUser> users) : PageModel
{
    public const string DoneKey = "LetterDone";

    public LetterView Letter { get; private set; } = default!;

    public string? Done { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public LetterChannel? Channel { get; set; }

    [BindProperty]
    public string? RecipientName { get; set; }

    [BindProperty]
    public string? RecipientAddress { get; set; }

    public static readonly IReadOnlyList<Choice> ChannelChoices =
    [
        new(nameof(LetterChannel.Email), "Email"),
        new(nameof(LetterChannel.Post), "Post", "Marked as sent for you to print and post"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid letterId, CancellationToken cancellationToken)
    {
        Done = TempData[DoneKey] as string;
        var shown = await LoadAsync(id, letterId, cancellationToken);
        if (shown is not null)
        {
            return shown;
        }

        Subject = Letter.Letter.Subject;
        Body = Letter.Letter.Body;
        Channel = Letter.Letter.Channel;
        RecipientName = Letter.Letter.RecipientName;
        RecipientAddress = Letter.Letter.RecipientAddress;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, Guid letterId, CancellationToken cancellationToken) =>
        ActAsync(id, letterId, async who =>
        {
            await letters.UpdateAsync(id, letterId, Version, Edit(), who, cancellationToken);
            TempData[DoneKey] = "Draft saved";
            return Redirect($"/staff/cases/{id}/letters/{letterId}");
        }, cancellationToken);

    public Task<IActionResult> OnPostSendAsync(Guid id, Guid letterId, CancellationToken cancellationToken) =>
        ActAsync(id, letterId, async who =>
        {
            await letters.SendAsync(id, letterId, Version, Edit(), who, cancellationToken);
            TempData[DoneKey] = Channel == LetterChannel.Post ? "Letter marked as sent: print it and post it" : "Letter sent by email";
            return Redirect($"/staff/cases/{id}/letters/{letterId}");
        }, cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, Guid letterId, CancellationToken cancellationToken) =>
        ActAsync(id, letterId, async who =>
        {
            await letters.DiscardAsync(id, letterId, Version, who, cancellationToken);
            TempData[DetailsModel.DoneKey] = "Draft letter deleted";
            return Redirect($"/staff/cases/{id}#letters");
        }, cancellationToken);

    private LetterEdit Edit() => new(Subject, Body, Channel, RecipientName, RecipientAddress);

    private async Task<IActionResult> ActAsync(Guid id, Guid letterId, Func<StaffMember, Task<IActionResult>> act, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        var outcome = await ProcedureRefusals.TryAsync(ModelState, async () => await act(who));
        if (outcome is not null)
        {
            return outcome;
        }

        return await LoadAsync(id, letterId, cancellationToken) ?? Page();
    }

    /// <summary>Loads the letter; a result other than null is what to answer instead of the page.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, Guid letterId, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        try
        {
            var letter = await letters.FindAsync(id, letterId, who, cancellationToken);
            if (letter is null)
            {
                return NotFound();
            }

            Letter = letter;
            // The form always carries the letter's current version: a refused save shows the letter as it now is.
            Version = letter.Letter.Version;
            ModelState.Remove(nameof(Version));
            return null;
        }
        catch (TransitionRefusedException)
        {
            return Forbid();
        }
    }
}
