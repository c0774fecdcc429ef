using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Queues;
using Heard.Application.Search;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Search;

/// <summary>
/// Search by reference, name, email, court case number or words. The search is posted, never put in the address:
/// a name or an email is personal data and must not end up in browser history or server logs.
/// </summary>
public sealed class IndexModel(CurrentViewer current, CaseSearch search) : PageModel
{
    public const int PageSize = 25;

    [BindProperty]
    public string? Query { get; set; }

    [BindProperty]
    public int PageNumber { get; set; } = 1;

    public Page<WorkRow>? Results { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            ModelState.AddModelError(nameof(Query), "Enter a reference, a name, an email address, a court case number or some words");
            return Page();
        }

        if (Query.Length > Limits.SearchText)
        {
            ModelState.AddModelError(nameof(Query), $"Search for {Limits.SearchText} characters or fewer");
            return Page();
        }

        var viewer = await current.GetAsync(cancellationToken);
        Results = await search.SearchAsync(viewer, Query, PageNumber, PageSize, cancellationToken);
        return Page();
    }
}
