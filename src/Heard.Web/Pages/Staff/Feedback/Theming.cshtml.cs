using Heard.Application.Feedback;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Records;
using Heard.Web.Govuk;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Feedback;

/// <summary>The theming queue: feedback with free text, oldest first, themed with the same taxonomy as complaints.</summary>
public sealed class ThemingModel(FeedbackTheming theming, RecordViews views, UserManager<HeardUser> users) : PageModel
{
    public const int PageSize = 20;

    [BindProperty] public Guid ResponseId { get; set; }
    [BindProperty] public List<string> ThemeCodes { get; set; } = [];

    public int Waiting { get; private set; }

    public IReadOnlyList<ThemingItem> Items { get; private set; } = [];

    public IReadOnlyList<Choice> ThemeChoices { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Done = TempData[RecordManageModel.DoneKey] as string;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await theming.ThemeAsync(ResponseId, ThemeCodes, await StaffActor.OfAsync(User, users), cancellationToken);
            TempData[RecordManageModel.DoneKey] = ThemeCodes.Count == 0 ? "Marked as having no theme" : "Themes saved";
            return Redirect("/staff/feedback/theming");
        }
        catch (ValidationFailedException invalid)
        {
            ModelState.AddErrors(invalid.Errors);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Waiting = await theming.CountWaitingAsync(cancellationToken);
        Items = await theming.WaitingAsync(PageSize, cancellationToken);
        ThemeChoices = (await views.ThemesAsync(cancellationToken)).Select(t => new Choice(t.Code, t.Name)).ToList();
    }
}
