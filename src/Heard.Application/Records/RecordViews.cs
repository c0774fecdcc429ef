using Heard.Application.Compliments;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.MpEnquiries;
using Heard.Application.Ombudsman;
using Heard.Application.SubjectAccess;
using Heard.Application.Themes;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Records;

public sealed record ComplimentView(Compliment Compliment, string? StaffMember, string? Manager, IReadOnlyList<Theme> Themes, CaseDeadline? PassOnBy);

public sealed record StaffChoice(Guid Id, string Name, string? JobTitle, string? ServiceArea);

/// <summary>Reads for the case page's record sections and the records' own pages. Nothing here changes anything.</summary>
public sealed class RecordViews(HeardDbContext db)
{
    public async Task<ComplimentView?> ComplimentAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var compliment = await db.Compliments.AsNoTracking().Include(c => c.Themes).FirstOrDefaultAsync(c => c.CaseId == caseId, cancellationToken);
        if (compliment is null)
        {
            return null;
        }

        var staff = compliment.StaffMemberId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.DisplayName, u.ManagerId }).FirstOrDefaultAsync(cancellationToken) : null;
        var manager = staff?.ManagerId is { } m ? await db.Users.AsNoTracking().Where(u => u.Id == m).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        var codes = compliment.Themes.Select(t => t.ThemeCode).ToList();
        var themes = await db.Themes.AsNoTracking().Where(t => codes.Contains(t.Code)).OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        return new ComplimentView(compliment, staff?.DisplayName, manager, themes, await DeadlineAsync(caseId, RecordDeadlineKinds.ComplimentPassOn, cancellationToken));
    }

    public Task<MpEnquiry?> MpEnquiryAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        db.MpEnquiries.AsNoTracking().FirstOrDefaultAsync(m => m.CaseId == caseId, cancellationToken);

    public Task<OmbudsmanCase?> OmbudsmanAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        db.OmbudsmanCases.AsNoTracking()
            .Include(o => o.InformationRequests.OrderBy(r => r.Number))
            .Include(o => o.Recommendations.OrderBy(r => r.Number))
            .FirstOrDefaultAsync(o => o.CaseId == caseId, cancellationToken);

    public Task<SubjectAccessRequest?> SubjectAccessAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        db.SubjectAccessRequests.AsNoTracking().FirstOrDefaultAsync(s => s.CaseId == caseId, cancellationToken);

    public Task<CaseDeadline?> DeadlineAsync(Guid caseId, string kind, CancellationToken cancellationToken = default) =>
        db.CaseDeadlines.AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == caseId && d.Kind == kind, cancellationToken);

    /// <summary>Active themes in the taxonomy's order, for choosing.</summary>
    public async Task<IReadOnlyList<Theme>> ThemesAsync(CancellationToken cancellationToken = default) =>
        await db.Themes.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);

    /// <summary>The staff directory for matching a compliment, area by area.</summary>
    public async Task<IReadOnlyList<StaffChoice>> StaffAsync(CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking()
            .Where(u => u.IsActive)
            .OrderBy(u => u.DisplayName)
            .Select(u => new StaffChoice(u.Id, u.DisplayName, u.JobTitle, db.ServiceAreas.Where(a => a.Id == u.ServiceAreaId).Select(a => a.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
}
