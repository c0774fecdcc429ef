using Heard.Application.Data;
using Heard.Application.Feedback;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Domain.Records;
using Heard.Web.Govuk;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Pages.Staff.Feedback;

/// <summary>
/// Feedback links for letters: choose the area, team, stage and survey; get the short link and its QR code as PNG
/// (for documents) and SVG (for print). The link carries only the tag.
/// </summary>
public sealed class LinksModel(HeardDbContext db, FeedbackLinks links, UserManager<HeardUser> users, IConfiguration configuration) : PageModel
{
    [BindProperty] public Guid? ServiceAreaId { get; set; }
    [BindProperty] public Guid? TeamId { get; set; }
    [BindProperty] public FeedbackStage? Stage { get; set; }
    [BindProperty] public string? SurveyCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public FeedbackTag? Chosen { get; private set; }

    public Uri? ShortLink { get; private set; }

    public IReadOnlyList<Choice> AreaChoices { get; private set; } = [];

    public IReadOnlyList<Choice> TeamChoices { get; private set; } = [];

    public IReadOnlyList<(FeedbackLink Link, string? Area, string? Team)> Existing { get; private set; } = [];

    public static readonly IReadOnlyList<Choice> StageChoices = Enum.GetValues<FeedbackStage>().Select(s => new Choice(s.ToString(), s.Describe())).ToList();

    public static readonly IReadOnlyList<Choice> SurveyChoices = [new(SurveyCatalogue.Adult, "Adults"), new(SurveyCatalogue.Child, "Children and young people (faces)")];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Chosen = await links.ResolveAsync(Code, cancellationToken);
        ShortLink = Chosen is null ? null : FeedbackLinks.ShortLink(Root(), Chosen.Code);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Stage is null)
        {
            ModelState.AddModelError(nameof(Stage), "Select the stage of the letter");
        }

        if (SurveyCode is null)
        {
            ModelState.AddModelError(nameof(SurveyCode), "Select who the letter is for");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var link = await links.GetOrCreateAsync(ServiceAreaId, TeamId, Stage!.Value, SurveyCode!, await StaffActor.OfAsync(User, users), cancellationToken);
                return Redirect($"/staff/feedback/links?code={link.Code}");
            }
            catch (ValidationFailedException invalid)
            {
                ModelState.AddErrors(invalid.Errors);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetPngAsync(CancellationToken cancellationToken) =>
        await links.ResolveAsync(Code, cancellationToken) is { } tag
            ? File(FeedbackLinks.Png(FeedbackLinks.ShortLink(Root(), tag.Code)), "image/png", $"feedback-{tag.Code}.png")
            : NotFound();

    public async Task<IActionResult> OnGetSvgAsync(CancellationToken cancellationToken) =>
        await links.ResolveAsync(Code, cancellationToken) is { } tag
            ? File(System.Text.Encoding.UTF8.GetBytes(FeedbackLinks.Svg(FeedbackLinks.ShortLink(Root(), tag.Code))), "image/svg+xml", $"feedback-{tag.Code}.svg")
            : NotFound();

    /// <summary>The public address letters point at: configured (Heard:PublicBaseUrl) in production, else this request's.</summary>
    private Uri Root() =>
        configuration["Heard:PublicBaseUrl"] is { Length: > 0 } configured ? new Uri(configured) : new Uri($"{Request.Scheme}://{Request.Host}/");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var areas = await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        AreaChoices = [new Choice("", "All areas"), .. areas.Select(a => new Choice(a.Id.ToString(), a.Name))];
        TeamChoices = [new Choice("", "All teams"), .. teams.Select(t => new Choice(t.Id.ToString(), t.Name))];
        var existing = await db.FeedbackLinks.AsNoTracking().OrderByDescending(l => l.CreatedAt).Take(50).ToListAsync(cancellationToken);
        var areaNames = areas.ToDictionary(a => a.Id, a => a.Name);
        var teamNames = teams.ToDictionary(t => t.Id, t => t.Name);
        Existing = existing.Select(l => (l,
            l.ServiceAreaId is { } a ? areaNames.GetValueOrDefault(a) : null,
            l.TeamId is { } t ? teamNames.GetValueOrDefault(t) : null)).ToList();
    }
}
