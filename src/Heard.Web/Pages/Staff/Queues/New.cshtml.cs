using Heard.Application.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Queues;

public sealed class NewModel(CaseQueries queries) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<QueueRow> Rows { get; private set; } = new([], 0, 1, PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await queries.NewComplaintsAsync(PageNumber, PageSize, cancellationToken);
}
