using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Procedure;
using Heard.Domain.Cases;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Cases.Issues;

/// <summary>Record the finding on one issue: its theme, the finding, and the reasoning the PHSO standards ask for.</summary>
public sealed class FindingModel(ProcedureQueries procedureQueries, CaseQueries queries, CaseFindings findings, UserManager<HeardUser> users) : PageModel
{
    public CaseView Case { get; private set; } = default!;

    public ComplaintIssue Issue { get; private set; } = default!;

    public IReadOnlyList<Choice> ThemeChoices { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? ThemeCode { get; set; }

    [BindProperty]
    public Finding? Finding { get; set; }

    [BindProperty]
    public string? WhatHappened { get; set; }

    [BindProperty]
    public string? WhatShouldHaveHappened { get; set; }

    [BindProperty]
    public string? Standard { get; set; }

    public static readonly IReadOnlyList<Choice> FindingChoices =
    [
        new(nameof(Domain.Cases.Finding.Upheld), "Upheld", "What the person complained about happened and should not have"),
        new(nameof(Domain.Cases.Finding.PartlyUpheld), "Partly upheld"),
        new(nameof(Domain.Cases.Finding.NotUpheld), "Not upheld"),
        new(nameof(Domain.Cases.Finding.NoFinding), "No finding", "It could not be established what happened"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        var missing = await LoadAsync(id, number, cancellationToken);
        if (missing is not null)
        {
            return missing;
        }

        ThemeCode = Issue.ThemeCode;
        Finding = Issue.Finding;
        WhatHappened = Issue.WhatHappened;
        WhatShouldHaveHappened = Issue.WhatShouldHaveHappened;
        Standard = Issue.Standard;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        var outcome = await ProcedureRefusals.TryAsync(ModelState, async () =>
        {
            await findings.RecordFindingAsync(id, Version, number, new FindingInput
            {
                ThemeCode = ThemeCode,
                Finding = Finding,
                WhatHappened = WhatHappened,
                WhatShouldHaveHappened = WhatShouldHaveHappened,
                Standard = Standard,
            }, who, cancellationToken);
            TempData[DetailsModel.DoneKey] = $"Finding on issue {number} recorded";
            return Redirect($"/staff/cases/{id}#findings");
        });
        if (outcome is not null)
        {
            return outcome;
        }

        return await LoadAsync(id, number, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        var view = await queries.FindAsync(id, cancellationToken);
        var issue = view?.Case.Issues.FirstOrDefault(i => i.Number == number);
        var procedure = view is null ? null : await procedureQueries.ViewAsync(id, who, cancellationToken);
        if (view is null || issue is null || procedure is null)
        {
            return NotFound();
        }

        if (view.Case.Audience == Audience.Child && !await procedureQueries.CanSeeAsync(who, view.Case, cancellationToken))
        {
            return Forbid();
        }

        Case = view;
        Issue = issue;
        Version = procedure.CaseVersion;
        ModelState.Remove(nameof(Version));
        ThemeChoices = [new Choice("", "Select a theme"), .. procedure.Themes.Where(t => t.Active || t.Code == issue.ThemeCode).Select(t => new Choice(t.Code, t.Name))];
        return null;
    }
}
