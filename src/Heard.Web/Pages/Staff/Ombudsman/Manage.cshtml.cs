using Heard.Application.Access;
using System.Globalization;
using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Ombudsman;
using Heard.Application.Records;
using Heard.Domain.Records;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Heard.Web.Pages.Staff.Ombudsman;

/// <summary>The complaints team's page for one Ombudsman case: stage, information requests, outcome, recommendations and remedies.</summary>
public sealed class ManageModel(CaseQueries queries, UserManager<HeardUser> users, CurrentViewer current, CaseAccess access, RecordViews views, OmbudsmanHandling handling, TimeProvider clock) : RecordManageModel(queries, users, current, access)
{
    [BindProperty] public OmbudsmanStage? Stage { get; set; }
    [BindProperty] public string? InformationRequest { get; set; }
    [BindProperty] public DateParts RequestedOn { get; set; } = new();
    [BindProperty] public DateParts DueOn { get; set; } = new();
    [BindProperty] public Guid ItemId { get; set; }
    [BindProperty] public DateParts SentOn { get; set; } = new();
    [BindProperty] public OmbudsmanOutcome? Outcome { get; set; }
    [BindProperty] public DateParts DecidedOn { get; set; } = new();
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public DateParts ComplianceDueOn { get; set; } = new();
    [BindProperty] public string? Remedy { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public DateParts CompliedOn { get; set; } = new();
    [BindProperty] public DateParts RemedyPaidOn { get; set; } = new();

    public OmbudsmanCase Phso { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    public static readonly IReadOnlyList<Choice> StageChoices =
        Enum.GetValues<OmbudsmanStage>().Select(s => new Choice(s.ToString(), s.Describe())).ToList();

    public static readonly IReadOnlyList<Choice> OutcomeChoices =
        Enum.GetValues<OmbudsmanOutcome>().Select(o => new Choice(o.ToString(), o.Describe())).ToList();

    protected override async Task LoadRecordAsync(CancellationToken cancellationToken)
    {
        Phso = (await views.OmbudsmanAsync(Id, cancellationToken))!;
        Today = Application.Intake.UkTime.Today(clock);
    }

    public Task<IActionResult> OnPostStageAsync(CancellationToken cancellationToken) =>
        ChangeAsync(a => handling.ChangeStageAsync(Id, Version, Stage, a, cancellationToken), "Stage changed", null, null, cancellationToken);

    public Task<IActionResult> OnPostRequestAsync(CancellationToken cancellationToken)
    {
        var asked = ModelState.ReadDate(RequestedOn, nameof(RequestedOn), "The date the Ombudsman asked");
        var due = ModelState.ReadDate(DueOn, nameof(DueOn), "The date it is needed by");
        return ChangeAsync(a => handling.AddInformationRequestAsync(Id, Version, InformationRequest, asked, due, a, cancellationToken), "Information request recorded", null, new Dictionary<string, string> { ["Request"] = nameof(InformationRequest) }, cancellationToken);
    }

    public Task<IActionResult> OnPostSentAsync(CancellationToken cancellationToken)
    {
        var sent = ModelState.ReadDate(SentOn, nameof(SentOn), "The date the information was sent");
        return ChangeAsync(a => handling.RecordInformationSentAsync(Id, Version, ItemId, sent, a, cancellationToken), "Information recorded as sent", null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostOutcomeAsync(CancellationToken cancellationToken)
    {
        var decided = ModelState.ReadDate(DecidedOn, nameof(DecidedOn), "The date of the decision");
        return ChangeAsync(a => handling.RecordOutcomeAsync(Id, Version, Outcome, decided, Summary, a, cancellationToken), "Decision recorded", null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostRecommendationAsync(CancellationToken cancellationToken)
    {
        var due = ModelState.ReadDate(ComplianceDueOn, nameof(ComplianceDueOn), "The compliance date");
        long? pence = null;
        if (!string.IsNullOrWhiteSpace(Remedy))
        {
            if (decimal.TryParse(Remedy.Trim().TrimStart('£'), NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds) && pounds >= 0 && decimal.Round(pounds, 2) == pounds)
            {
                pence = (long)(pounds * 100);
            }
            else
            {
                ModelState.AddModelError(nameof(Remedy), "Enter the remedy in pounds and pence, like 250 or 250.00");
            }
        }

        return ChangeAsync(a => handling.AddRecommendationAsync(Id, Version, Text, due, pence, a, cancellationToken), "Recommendation recorded", null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostComplianceAsync(CancellationToken cancellationToken)
    {
        var complied = ModelState.ReadDate(CompliedOn, nameof(CompliedOn), "The date it was complied with");
        var paid = ModelState.ReadDate(RemedyPaidOn, nameof(RemedyPaidOn), "The date the remedy was paid");
        return ChangeAsync(a => handling.RecordComplianceAsync(Id, Version, ItemId, Evidence, complied, paid, a, cancellationToken), "Compliance recorded", null, null, cancellationToken);
    }
}
