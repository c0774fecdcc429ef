using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Compliments;
using Heard.Application.Identity;
using Heard.Application.Records;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Heard.Web.Pages.Staff.Compliments;

/// <summary>Match a compliment to a member of staff, theme it, and pass it on to them and their manager.</summary>
public sealed class ManageModel(CaseQueries queries, UserManager<HeardUser> users, CurrentViewer current, CaseAccess access, RecordViews views, ComplimentHandling handling) : RecordManageModel(queries, users, current, access)
{
    [BindProperty]
    public Guid? StaffMemberId { get; set; }

    [BindProperty]
    public List<string> ThemeCodes { get; set; } = [];

    public ComplimentView Compliment { get; private set; } = default!;

    public IReadOnlyList<Choice> StaffChoices { get; private set; } = [];

    public IReadOnlyList<Choice> ThemeChoices { get; private set; } = [];

    protected override async Task LoadRecordAsync(CancellationToken cancellationToken)
    {
        Compliment = (await views.ComplimentAsync(Id, cancellationToken))!;
        if (Request.Method == HttpMethods.Get)
        {
            StaffMemberId = Compliment.Compliment.StaffMemberId;
            ThemeCodes = Compliment.Themes.Select(t => t.Code).ToList();
        }

        StaffChoices = [new Choice("", "Not matched yet"), .. (await views.StaffAsync(cancellationToken))
            .Select(s => new Choice(s.Id.ToString(), $"{s.Name}{(s.JobTitle is null ? "" : $", {s.JobTitle}")}{(s.ServiceArea is null || s.JobTitle?.Contains(s.ServiceArea, StringComparison.Ordinal) == true ? "" : $" ({s.ServiceArea})")}"))];
        ThemeChoices = (await views.ThemesAsync(cancellationToken)).Select(t => new Choice(t.Code, t.Name)).ToList();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => DecideAsync(passOn: false, cancellationToken);

    public Task<IActionResult> OnPostPassOnAsync(CancellationToken cancellationToken) => DecideAsync(passOn: true, cancellationToken);

    private Task<IActionResult> DecideAsync(bool passOn, CancellationToken cancellationToken) =>
        ChangeAsync(
            actor => handling.DecideAsync(Id, Version, new ComplimentDecision(StaffMemberId, ThemeCodes, passOn), actor, cancellationToken),
            passOn ? "Compliment passed on to the member of staff and their manager" : "Compliment saved",
            prefix: null, rename: null, cancellationToken);
}
