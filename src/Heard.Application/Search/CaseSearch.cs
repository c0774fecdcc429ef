using System.Text;
using Heard.Application.Access;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Queues;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Search;

/// <summary>
/// Finds cases by reference, the person's name or email, the family court case number, or words from what they
/// wrote. Exact identifiers are matched exactly; words go through the full-text index (every word must appear,
/// each as a prefix). Results are only ever cases the viewer may see.
/// </summary>
public sealed class CaseSearch(HeardDbContext db, CaseAccess access, CaseQueues queues)
{
    public const int MaxTerms = 8;

    public async Task<Page<WorkRow>> SearchAsync(Viewer viewer, string text, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = text.Trim();
        var reference = CaseReference.Normalise(typed);
        var lower = typed.ToLowerInvariant();
        var courtNumber = typed.ToUpperInvariant();
        var terms = Terms(typed);

        var visible = access.Visible(viewer);
        IQueryable<Case> found;
        if (terms.Count == 0)
        {
            // ToLower here is SQL's lower(), run by the database: no culture of this process is involved.
#pragma warning disable CA1304, CA1311, CA1862
            found = visible.Where(c => c.Reference == reference || c.CourtCaseNumber == courtNumber);
        }
        else
        {
            var matches = Matches(terms);
            // ToLower here is SQL's lower(), run by the database: no culture of this process is involved.
#pragma warning disable CA1304, CA1311, CA1862
            found = visible.Where(c =>
                c.Reference == reference
                || c.CourtCaseNumber == courtNumber
                || (c.Person.Email != null && c.Person.Email.ToLower() == lower)
                || matches.Contains(c.Id));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return await queues.PageAsync(found, page, pageSize, cancellationToken);
    }

    /// <summary>The words of a search, letters and digits only, so nothing typed can change the query's meaning.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                current.Append(char.ToLowerInvariant(ch));
                continue;
            }

            Flush();
        }

        Flush();
        return terms.Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();

        void Flush()
        {
            if (current.Length > 0)
            {
                terms.Add(current.Length > 40 ? current.ToString(0, 40) : current.ToString());
                current.Clear();
            }
        }
    }

    private IQueryable<Guid> Matches(IReadOnlyList<string> terms)
    {
        if (db.IsPostgres)
        {
            var query = string.Join(" & ", terms.Select(t => t + ":*"));
            return db.Database.SqlQuery<Guid>($"SELECT case_id AS \"Value\" FROM case_search WHERE document @@ to_tsquery('simple', {query})");
        }

        var match = string.Join(" AND ", terms.Select(t => $"\"{t}\"*"));
        return db.Database.SqlQuery<Guid>($"SELECT CaseId AS Value FROM CaseSearch WHERE CaseSearch MATCH {match}");
    }
}
