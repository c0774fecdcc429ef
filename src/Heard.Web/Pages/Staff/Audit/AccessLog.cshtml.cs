using Heard.Application.Access;
using Heard.Application.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Audit;

/// <summary>Who viewed which case and when: for the complaints team and administrators. No case content.</summary>
public sealed class AccessLogModel(CaseAccess access) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "case")]
    public Guid? CaseId { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<AccessLogRow> Rows { get; private set; } = new([], 0, 1, PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await access.LogAsync(CaseId, PageNumber, PageSize, cancellationToken);

    public string Link(int page) =>
        CaseId is { } id ? $"/staff/audit/access-log?case={id}&page={page}" : $"/staff/audit/access-log?page={page}";
}
