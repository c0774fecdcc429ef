using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;

// ToLower() inside queries is translated to SQL lower(); the culture rules do not apply there.
#pragma warning disable CA1304, CA1311, CA1862

namespace Heard.Application.Records;

/// <summary>A record linked to the one being looked at, in either direction.</summary>
public sealed record LinkedRecord(Guid Id, string Reference, CaseType Type, string State, DateOnly ReceivedOn, bool Open, string? Detail);

/// <summary>
/// Links between records, and the reads the case page's "linked records" section needs. Linking writes to both
/// records' histories, since each one's page changes.
/// </summary>
public sealed class CaseLinks(HeardDbContext db, CaseHistory history, TimeProvider clock)
{
    /// <summary>
    /// Links <paramref name="from"/> (already tracked, not yet saved) to the case with <paramref name="reference"/>.
    /// The caller saves. Refuses an unknown reference, a link to itself, and a second link to the same case.
    /// </summary>
    public async Task<Case> AddAsync(Case from, string? reference, string field, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new ValidationFailedException([new FieldError(field, "Enter the reference of the record it is about, like CMP-7K3M-9QTP")]);
        }

        var normalised = CaseReference.Normalise(reference);
        var target = await db.Cases.FirstOrDefaultAsync(c => c.Reference == normalised, cancellationToken)
            ?? throw new ValidationFailedException([new FieldError(field, $"There is no record with the reference {normalised}")]);
        if (target.Id == from.Id)
        {
            throw new ValidationFailedException([new FieldError(field, "A record cannot be linked to itself")]);
        }

        if (await db.CaseLinks.AnyAsync(l => l.CaseId == from.Id && l.LinkedCaseId == target.Id, cancellationToken)
            || db.CaseLinks.Local.Any(l => l.CaseId == from.Id && l.LinkedCaseId == target.Id))
        {
            throw new ValidationFailedException([new FieldError(field, $"It is already linked to {target.Reference}")]);
        }

        db.CaseLinks.Add(new CaseLink
        {
            Id = Guid.CreateVersion7(),
            CaseId = from.Id,
            LinkedCaseId = target.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Name,
        });
        history.Record(from, actor, "linked", $"Linked to {target.Type.Describe().ToLowerInvariant()} {target.Reference}", data: new { linkedCaseId = target.Id, target.Reference });
        history.Record(target, actor, "linked", $"{from.Type.Describe()} {from.Reference} is about this {target.Type.Describe().ToLowerInvariant()}", data: new { linkedCaseId = from.Id, from.Reference });
        return target;
    }

    /// <summary>Every record linked to <paramref name="caseId"/>, whichever side it is on, oldest first.</summary>
    public async Task<IReadOnlyList<LinkedRecord>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var ids = await db.CaseLinks.AsNoTracking()
            .Where(l => l.CaseId == caseId || l.LinkedCaseId == caseId)
            .Select(l => l.CaseId == caseId ? l.LinkedCaseId : l.CaseId)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var cases = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.ReceivedAt)
            .Select(c => new
            {
                c.Id, c.Reference, c.Type, c.State, c.ReceivedOn, c.ClosedAt,
                Mp = db.MpEnquiries.Where(m => m.CaseId == c.Id).Select(m => m.MpName).FirstOrDefault(),
                Phso = db.OmbudsmanCases.Where(o => o.CaseId == c.Id).Select(o => o.PhsoReference).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return cases.Select(c => new LinkedRecord(
            c.Id, c.Reference, c.Type, c.State, c.ReceivedOn, c.ClosedAt is null,
            c.Mp is not null ? $"From {c.Mp}" : c.Phso is not null ? $"Ombudsman reference {c.Phso}" : null)).ToList();
    }

    /// <summary>Open complaints that look like the same matter (same email address or court case number), for staff to link.</summary>
    public async Task<IReadOnlyList<LinkedRecord>> SuggestComplaintsAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null)
        {
            return [];
        }

        var email = @case.Person.Email?.ToLowerInvariant();
        var court = @case.CourtCaseNumber;
        if (email is null && court is null)
        {
            return [];
        }

        var linked = await db.CaseLinks.Where(l => l.CaseId == caseId).Select(l => l.LinkedCaseId).ToListAsync(cancellationToken);
        var open = ComplaintStates.Finished.ToList();
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Type == CaseType.Complaint && c.ClosedAt == null && !open.Contains(c.State) && !linked.Contains(c.Id))
            .Where(c => (email != null && c.Person.Email != null && c.Person.Email.ToLower() == email) || (court != null && c.CourtCaseNumber == court))
            .OrderByDescending(c => c.ReceivedAt)
            .Take(5)
            .Select(c => new { c.Id, c.Reference, c.Type, c.State, c.ReceivedOn })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new LinkedRecord(c.Id, c.Reference, c.Type, c.State, c.ReceivedOn, true, null)).ToList();
    }
}

/// <summary>How a record's state reads, whatever its type.</summary>
public static class CaseStateText
{
    public static string Describe(CaseType type, string state) =>
        type == CaseType.Complaint ? ComplaintStates.Describe(state) : RecordStates.Describe(state);
}
