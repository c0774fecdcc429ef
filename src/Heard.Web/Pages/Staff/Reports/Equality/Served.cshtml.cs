using Heard.Application.Equality;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Reports.Equality;

/// <summary>Administrators upload the people served (the courts' case data, no names); all or nothing.</summary>
[RequestSizeLimit(MaximumBytes)]
public sealed class ServedModel(ServedPeopleImport import) : PageModel
{
    public const int MaximumBytes = 50 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ServedImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a CSV file of the people served");
            return Page();
        }

        using var reader = new StreamReader(Upload.OpenReadStream());
        Result = await import.ImportAsync(reader, cancellationToken);
        if (!Result.Imported)
        {
            ModelState.AddModelError(nameof(Upload), $"The file has {Result.Problems.Count} problem{(Result.Problems.Count == 1 ? "" : "s")}; nothing was imported");
        }

        return Page();
    }
}
