using Heard.Application.Api;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Web.Govuk;
using Heard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Heard.Web.Pages.Staff.Admin;

/// <summary>Service accounts for the API: made and revoked by administrators. A key is shown once, when made.</summary>
public sealed class ServiceAccountsModel(CurrentViewer current, ServiceAccounts accounts, HeardDbContext db) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public Guid? ServiceAreaId { get; set; }

    public IReadOnlyList<ServiceAccount> Accounts { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> AreaNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<Choice> RoleChoices { get; } =
        ServiceAccounts.AllowedRoles.Select(r => new Choice(r, Roles.Describe(r))).ToList();

    public IReadOnlyList<Choice> AreaChoices { get; private set; } = [];

    /// <summary>The key of an account just made: on this response only.</summary>
    public CreatedServiceAccount? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var viewer = await current.GetAsync(cancellationToken);
        var (created, errors) = await accounts.CreateAsync(Name, Role, ServiceAreaId, viewer.Name, cancellationToken);
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        Created = created;
        if (created is not null)
        {
            Name = null;
            Role = null;
            ServiceAreaId = null;
            ModelState.Clear();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await accounts.RevokeAsync(id, cancellationToken);
        return Redirect("/staff/admin/service-accounts");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await accounts.ListAsync(cancellationToken);
        var areas = await db.ServiceAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.Code }).ToListAsync(cancellationToken);
        AreaNames = areas.ToDictionary(a => a.Id, a => a.Name);
        AreaChoices = [new Choice("", "All areas (not for service managers or heads of practice)"), .. areas.Select(a => new Choice(a.Id.ToString(), $"{a.Name} ({a.Code})"))];
    }
}
