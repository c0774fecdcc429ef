using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Records;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;

// ToLower() inside queries is translated to SQL lower(); the culture rules do not apply there.
#pragma warning disable CA1304, CA1311, CA1862

namespace Heard.Application.SubjectAccess;

/// <summary>A finished export: the file to download and what it holds.</summary>
public sealed record SubjectDataFile(string FileName, byte[] Content, int Records, int FeedbackResponses, int Emails);

/// <summary>
/// Answers a request about records Heard itself holds: everything Heard holds about the request's subject, matched
/// by email address and by name across cases (as the person, or the person someone acted for), their history and
/// deadlines, compliments, MP enquiries, Ombudsman cases and requests, feedback left with contact details, and
/// emails sent to them. The file is for the information rights team to review and redact (it can hold other
/// people's data) before disclosure, never sent as it is. Each export is written to the request's history.
/// </summary>
public sealed class SubjectDataExport(HeardDbContext db, CaseHistory history, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<SubjectDataFile> ExportAsync(Guid sarCaseId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var sarCase = await db.Cases.FirstOrDefaultAsync(c => c.Id == sarCaseId && c.Type == CaseType.SubjectAccessRequest, cancellationToken)
            ?? throw new KeyNotFoundException($"No subject access request {sarCaseId}.");
        var sar = await db.SubjectAccessRequests.AsNoTracking().FirstAsync(s => s.CaseId == sarCaseId, cancellationToken);
        var email = sar.SubjectEmail?.Trim().ToLowerInvariant();
        var name = NormaliseName(sar.SubjectName);

        var cases = await db.Cases.AsNoTracking()
            .Include(c => c.Issues)
            .Where(c => (email != null && c.Person.Email != null && c.Person.Email.ToLower() == email)
                || c.Person.FullName.ToLower() == name
                || (c.Person.OnBehalfOf != null && c.Person.OnBehalfOf.ToLower() == name))
            .OrderBy(c => c.ReceivedAt)
            .ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var events = (await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(cancellationToken))
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToLookup(e => e.CaseId);
        var deadlines = (await db.CaseDeadlines.AsNoTracking().Where(d => ids.Contains(d.CaseId)).ToListAsync(cancellationToken)).ToLookup(d => d.CaseId);
        var compliments = await db.Compliments.AsNoTracking().Include(c => c.Themes).Where(c => ids.Contains(c.CaseId)).ToDictionaryAsync(c => c.CaseId, cancellationToken);
        var enquiries = await db.MpEnquiries.AsNoTracking().Where(m => ids.Contains(m.CaseId)).ToDictionaryAsync(m => m.CaseId, cancellationToken);
        var ombudsman = await db.OmbudsmanCases.AsNoTracking().Include(o => o.InformationRequests).Include(o => o.Recommendations)
            .Where(o => ids.Contains(o.CaseId)).ToDictionaryAsync(o => o.CaseId, cancellationToken);
        var requests = await db.SubjectAccessRequests.AsNoTracking().Where(s => ids.Contains(s.CaseId)).ToDictionaryAsync(s => s.CaseId, cancellationToken);
        var feedback = await db.FeedbackResponses.AsNoTracking().Include(r => r.Answers)
            .Where(r => (email != null && r.ContactEmail != null && r.ContactEmail.ToLower() == email) || (r.ContactName != null && r.ContactName.ToLower() == name))
            .OrderBy(r => r.SubmittedAt)
            .ToListAsync(cancellationToken);
        var emails = email is null ? [] : await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ToAddress.ToLower() == email)
            .OrderBy(m => m.CreatedAt)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var document = new
        {
            exportedAt = now,
            exportedBy = actor.Name,
            request = sarCase.Reference,
            subject = new { name = sar.SubjectName, email = sar.SubjectEmail },
            note = "Everything Heard holds that matched the subject's email address or name. Review before disclosure: "
                + "a match by name alone may be another person, and records can hold other people's data that may need redacting.",
            records = cases.Select(c => new
            {
                reference = c.Reference,
                type = c.Type.Describe(),
                matchedBy = MatchedBy(c, email, name),
                receivedOn = c.ReceivedOn,
                channel = c.Channel.Describe(),
                state = CaseStateText.Describe(c.Type, c.State),
                closedAt = c.ClosedAt,
                person = new
                {
                    name = c.Person.FullName, role = c.Person.Role.Describe(), email = c.Person.Email, phone = c.Person.Phone,
                    address = c.Person.Address, onBehalfOf = c.Person.OnBehalfOf,
                },
                courtCaseNumber = c.CourtCaseNumber,
                lawType = c.LawType?.Describe(),
                issues = c.Issues.OrderBy(i => i.Number).Select(i => new { i.Number, i.Description, i.ThemeCode, finding = i.Finding?.Describe(), i.FindingSummary }),
                outcomeWanted = c.OutcomeWanted,
                adjustments = c.Adjustments,
                compliment = compliments.TryGetValue(c.Id, out var compliment)
                    ? new { compliment.Text, compliment.StaffNameGiven, themes = compliment.Themes.Select(t => t.ThemeCode), compliment.PassedOnAt } : null,
                mpEnquiry = enquiries.TryGetValue(c.Id, out var enquiry)
                    ? new { enquiry.MpName, enquiry.Constituency, enquiry.Enquiry, enquiry.ConsentRecordedOn, consentHow = enquiry.ConsentHow?.ToString(), enquiry.ResponseSentOn, enquiry.ResponseSummary } : null,
                ombudsmanCase = ombudsman.TryGetValue(c.Id, out var phso)
                    ? new
                    {
                        phso.PhsoReference, stage = phso.Stage.ToString(), outcome = phso.Outcome?.ToString(), phso.OutcomeOn, phso.OutcomeSummary,
                        recommendations = phso.Recommendations.OrderBy(r => r.Number).Select(r => new { r.Number, r.Text, r.ComplianceDueOn, r.CompliedOn, r.Evidence, r.RemedyPence, r.RemedyPaidOn }),
                    }
                    : null,
                subjectAccessRequest = requests.TryGetValue(c.Id, out var request)
                    ? new { request.SubjectName, relationship = request.Relationship.ToString(), request.RequestDetails, request.IdentityConfirmedOn, request.DisclosedOn, request.PagesDisclosed, request.Exemptions, request.IcoComplaintOn, request.IcoOutcome } : null,
                deadlines = deadlines[c.Id].Select(d => new { d.Kind, d.DueOn, d.MetOn, d.Explanation }),
                history = events[c.Id].Select(e => new { at = e.At, e.Summary, e.Reason, by = e.ActorName }),
            }),
            feedback = feedback.Select(r => new
            {
                r.GivenOn, survey = r.SurveyCode, r.ContactName, r.ContactEmail,
                answers = r.Answers.OrderBy(a => a.QuestionKey, StringComparer.Ordinal).Select(a => new { question = a.QuestionKey, a.Score, a.Text }),
            }),
            emails = emails.Select(m => new { m.CreatedAt, m.SentAt, to = m.ToAddress, m.Subject, body = m.BodyText }),
        };

        var content = JsonSerializer.SerializeToUtf8Bytes(document, Json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var fileName = $"{sarCase.Reference}-heard-records-{UkTime(now)}.json";
        history.Record(sarCase, actor, "data-exported",
            $"Exported what Heard holds about the subject: {cases.Count} record{(cases.Count == 1 ? "" : "s")}, {feedback.Count} feedback response{(feedback.Count == 1 ? "" : "s")}, {emails.Count} email{(emails.Count == 1 ? "" : "s")}",
            data: new { records = cases.Select(c => c.Reference), feedback = feedback.Count, emails = emails.Count, sha256 = hash, fileName });
        await RecordCases.SaveChangeAsync(db, cancellationToken);
        return new SubjectDataFile(fileName, content, cases.Count, feedback.Count, emails.Count);
    }

    private static string NormaliseName(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();

    private static List<string> MatchedBy(Case c, string? email, string name)
    {
        var by = new List<string>();
        if (email is not null && string.Equals(c.Person.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            by.Add("email");
        }

        if (string.Equals(NormaliseName(c.Person.FullName), name, StringComparison.Ordinal))
        {
            by.Add("name");
        }

        if (c.Person.OnBehalfOf is { } behalf && string.Equals(NormaliseName(behalf), name, StringComparison.Ordinal))
        {
            by.Add("name of the person acted for");
        }

        return by;
    }

    private static string UkTime(DateTime utc) => Intake.UkTime.DateOf(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
