using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Queues;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Pages.Staff.Queues;

/// <summary>One work queue, filtered and sorted by what is in the query string (never anything personal).</summary>
public sealed class IndexModel(CurrentViewer current, CaseQueues queues, HeardDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public CaseType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public LawType? Law { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Policy { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? DueFrom { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? DueTo { get; set; }

    [BindProperty(SupportsGet = true)]
    public QueueSort Sort { get; set; } = QueueSort.Due;

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public QueueKind Kind { get; private set; }

    public Page<WorkRow> Rows { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyList<Choice> TypeChoices { get; } =
        [new("", "Any type"), .. Enum.GetValues<CaseType>().Select(t => new Choice(t.ToString(), t.Describe()))];

    public IReadOnlyList<Choice> LawChoices { get; } =
        [new("", "Any law type"), .. Enum.GetValues<LawType>().Select(t => new Choice(t.ToString(), t.Describe()))];

    public IReadOnlyList<Choice> StateChoices { get; } =
        [new("", "Any state"), .. new[]
        {
            ComplaintStates.Received, ComplaintStates.Acknowledged, ComplaintStates.Accepted, ComplaintStates.AwaitingConsent,
            ComplaintStates.EarlyResolution, ComplaintStates.Investigation, ComplaintStates.ResponseSent,
        }.Select(s => new Choice(s, ComplaintStates.Describe(s)))];

    public IReadOnlyList<Choice> SortChoices { get; } =
    [
        new(nameof(QueueSort.Due), "Due date"),
        new(nameof(QueueSort.Received), "Date received"),
        new(nameof(QueueSort.Reference), "Reference"),
        new(nameof(QueueSort.State), "State"),
    ];

    public IReadOnlyList<Choice> AreaChoices { get; private set; } = [];

    public IReadOnlyList<Choice> PolicyChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string queue, CancellationToken cancellationToken)
    {
        if (CaseQueues.FromSlug(queue) is not { } kind)
        {
            return NotFound();
        }

        Kind = kind;
        var viewer = await current.GetAsync(cancellationToken);
        var filter = new QueueFilter(Type, Area, Law, Policy, State, DueFrom, DueTo, Sort, Desc);
        Rows = await queues.QueueAsync(viewer, kind, filter, PageNumber, PageSize, cancellationToken);
        var areas = await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        AreaChoices = [new Choice("", "Any area"), .. areas.Select(a => new Choice(a.Id.ToString(), a.Name))];
        var policies = await db.Cases.AsNoTracking().Where(c => c.PolicyCode != null).Select(c => c.PolicyCode!).Distinct().OrderBy(p => p).ToListAsync(cancellationToken);
        PolicyChoices = [new Choice("", "Any policy"), .. policies.Select(p => new Choice(p, p))];
        return Page();
    }

    public bool Filtered => Type is not null || Area is not null || Law is not null || Policy is not null || State is not null || DueFrom is not null || DueTo is not null;

    /// <summary>This page's address with the filters kept and another page number.</summary>
    public string Link(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["type"] = Type?.ToString(),
            ["area"] = Area?.ToString(),
            ["law"] = Law?.ToString(),
            ["policy"] = Policy,
            ["state"] = State,
            ["duefrom"] = DueFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["dueto"] = DueTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = Sort == QueueSort.Due ? null : Sort.ToString(),
            ["desc"] = Desc ? "true" : null,
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            $"/staff/queues/{CaseQueues.Slug(Kind)}", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
