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

namespace Heard.Web.Pages.Staff.Cases.Remedies;

/// <summary>Add a remedy: an apology, an explanation, an action, or a payment with its amount and reason.</summary>
public sealed class AddModel(ProcedureQueries procedureQueries, CaseQueries queries, CaseFindings findings, UserManager<HeardUser> users) : PageModel
{
    public CaseView Case { get; private set; } = default!;

    public ProcedureView Procedure { get; private set; } = default!;

    public IReadOnlyList<Choice> IssueChoices { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public RemedyKind? Kind { get; set; }

    [BindProperty]
    public int? IssueNumber { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>As typed, so that "two hundred" comes back to be corrected rather than lost.</summary>
    [BindProperty]
    public string? Amount { get; set; }

    public static readonly IReadOnlyList<Choice> KindChoices =
    [
        new(nameof(RemedyKind.Apology), "An apology"),
        new(nameof(RemedyKind.Explanation), "An explanation"),
        new(nameof(RemedyKind.Action), "An action to put things right", "For example, correcting a record or a change to practice"),
        new(nameof(RemedyKind.FinancialRedress), "Financial redress", "A payment, with its amount and reason"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        decimal? amount = null;
        if (Kind == RemedyKind.FinancialRedress && !string.IsNullOrWhiteSpace(Amount))
        {
            if (decimal.TryParse(Amount.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                amount = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(Amount), "Enter the amount in pounds and pence, like 250 or 249.50");
            }
        }

        if (ModelState.IsValid)
        {
            var outcome = await ProcedureRefusals.TryAsync(ModelState, async () =>
            {
                await findings.AddRemedyAsync(id, Version, new RemedyInput { Kind = Kind, IssueNumber = IssueNumber, Reason = Reason, Amount = amount }, who, cancellationToken);
                TempData[DetailsModel.DoneKey] = "Remedy added";
                return Redirect($"/staff/cases/{id}#findings");
            });
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var who = await StaffMembers.FromAsync(User, users);
        if (who is null)
        {
            return Challenge();
        }

        var view = await queries.FindAsync(id, cancellationToken);
        var procedure = view is null ? null : await procedureQueries.ViewAsync(id, who, cancellationToken);
        if (view is null || procedure is null)
        {
            return NotFound();
        }

        if (view.Case.Audience == Audience.Child && !await procedureQueries.CanSeeAsync(who, view.Case, cancellationToken))
        {
            return Forbid();
        }

        Case = view;
        Procedure = procedure;
        Version = procedure.CaseVersion;
        ModelState.Remove(nameof(Version));
        IssueChoices = [new Choice("", "Not about one issue"), .. view.Case.Issues.Select(i => new Choice(i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Issue {i.Number}"))];
        return null;
    }
}
