using System.Globalization;
using System.Text;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Identity;
using Heard.Application.Procedure;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Letters;

/// <summary>What a letter's merge fields are made from.</summary>
public sealed record LetterFacts(
    Case Case,
    ProcedurePolicy? Policy,
    IReadOnlyList<ComplaintIssue> Issues,
    IReadOnlyList<Remedy> Remedies,
    IReadOnlyList<CaseDeadline> Deadlines,
    string? ResponsibleManager,
    string? LocalServiceManager,
    string SignedBy,
    string? SignedByTitle,
    DateOnly Today,
    WorkingCalendar Calendar);

/// <summary>
/// Makes a draft letter for a case from a template: the case's merge fields (names, dates, deadlines, issues,
/// findings, remedies, managers, who signs) plus any a caller adds. It adds the draft to the unit of work and
/// does not save; the caller saves once, with the event that explains it.
/// </summary>
public sealed class LetterComposer(HeardDbContext db, LetterTemplates templates, Calendar.CalendarStore calendars, TimeProvider clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Drafts the <paramref name="template"/> letter for <paramref name="case"/>. <paramref name="policy"/> is the
    /// complaint's procedure (its own version of a template wins); a record type without one passes null and its own
    /// merge fields in <paramref name="extra"/>.
    /// </summary>
    public async Task<Letter> DraftAsync(
        Case @case,
        ProcedurePolicy? policy,
        string template,
        StaffMember who,
        IReadOnlyDictionary<string, string?>? extra = null,
        string? transitionCode = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(who);
        var found = templates.Find(template, @case.Audience, policy?.Code)
            ?? throw new TransitionRefusedException($"There is no “{template}” letter for {(@case.Audience == Audience.Child ? "a child" : "an adult")}.");
        var fields = await FieldsAsync(@case, policy, who, cancellationToken);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            fields[key] = value;
        }

        var merged = LetterTemplates.Merge(found, fields);
        var person = @case.Person;
        var byPost = person.ContactPreference == ContactPreference.Post
            || (string.IsNullOrWhiteSpace(person.Email) && !string.IsNullOrWhiteSpace(person.Address));
        var letter = new Letter
        {
            Id = Guid.CreateVersion7(),
            CaseId = @case.Id,
            Template = found.Code,
            Audience = @case.Audience,
            PolicyCode = policy?.Key,
            TransitionCode = transitionCode,
            Subject = merged.Subject,
            Body = merged.Body,
            Channel = byPost ? LetterChannel.Post : LetterChannel.Email,
            RecipientName = person.FullName,
            RecipientAddress = byPost ? person.Address : person.Email,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByName = who.Name,
        };
        db.Letters.Add(letter);
        return letter;
    }

    /// <summary>The merge fields every letter for a case can use.</summary>
    public async Task<Dictionary<string, string?>> FieldsAsync(Case @case, ProcedurePolicy? policy, StaffMember who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(who);
        var deadlines = await DeadlinesAsync(@case.Id, cancellationToken);
        var issues = (@case.Issues.Count > 0 ? @case.Issues : await db.ComplaintIssues.Where(i => i.CaseId == @case.Id).ToListAsync(cancellationToken)).ToList();
        var remedies = await db.Remedies.AsNoTracking().Where(r => r.CaseId == @case.Id).OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        var progress = db.ComplaintProgress.Local.FirstOrDefault(p => p.CaseId == @case.Id)
            ?? await db.ComplaintProgress.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == @case.Id, cancellationToken);
        var signer = await db.Users.AsNoTracking().Where(u => u.Id == who.UserId).Select(u => new { u.DisplayName, u.JobTitle }).FirstOrDefaultAsync(cancellationToken);
        async Task<string?> NameOf(Guid? id) => id is { } u ? await db.Users.AsNoTracking().Where(x => x.Id == u).Select(x => x.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        return Fields(new LetterFacts(
            @case,
            policy,
            issues,
            remedies,
            deadlines,
            await NameOf(progress?.ResponsibleManagerId),
            await NameOf(progress?.LocalServiceManagerId),
            who.Name,
            signer?.JobTitle ?? (who.Roles.Count > 0 ? Roles.Describe(who.Roles[0]) : null),
            UkToday(),
            await calendars.CurrentAsync(cancellationToken)));
    }

    /// <summary>The merge fields from what is known about a case: the one place a letter's fields are worked out.</summary>
    public static Dictionary<string, string?> Fields(LetterFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var @case = facts.Case;
        var policy = facts.Policy;
        var child = @case.Audience == Audience.Child;
        var issues = facts.Issues.OrderBy(i => i.Number).ToList();
        string? Due(string kind) => facts.Deadlines.FirstOrDefault(d => d.Kind == kind) is { } d ? CalendarText.FullDate(d.DueOn) : null;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Today"] = PlainDate(facts.Today),
            ["Reference"] = @case.Reference,
            ["PersonName"] = @case.Person.FullName,
            ["FirstName"] = FirstName(@case.Person.FullName),
            ["ReceivedOn"] = PlainDate(@case.ReceivedOn),
            ["PolicyName"] = policy?.Name,
            ["ResponseTarget"] = policy?.Deadline(DeadlineKinds.Response)?.Rule.DisplayName,
            ["ResponseDueOn"] = Due(DeadlineKinds.Response),
            ["AcknowledgementDueOn"] = Due(DeadlineKinds.Acknowledgement),
            ["FirstContactDueOn"] = Due(DeadlineKinds.FirstContact),
            ["IssuesList"] = string.Join('\n', issues.Select(i => child ? $"- {i.Description}" : $"{i.Number}. {i.Description}")),
            ["ResponsibleManager"] = facts.ResponsibleManager,
            ["LocalServiceManager"] = facts.LocalServiceManager,
            ["SignedBy"] = facts.SignedBy,
            ["SignedByTitle"] = facts.SignedByTitle,
            ["InvolvementEndedOn"] = @case.InvolvementEndedOn is { } ended ? PlainDate(ended) : null,
            ["Findings"] = Findings(issues),
            ["FindingsPlain"] = FindingsForAChild(issues),
            ["Remedies"] = Remedies(facts.Remedies.ToList(), child),
        };
        if (policy?.TimeLimit is { } limit && @case.InvolvementEndedOn is not null)
        {
            var check = limit.Check(facts.Calendar, @case.ReceivedOn, @case.InvolvementEndedOn);
            fields["TimeLimitLastDay"] = check.LastDay is { } last ? PlainDate(last) : null;
        }

        return fields;
    }

    /// <summary>The case's deadlines as they stand in this unit of work, including ones not yet saved.</summary>
    private async Task<List<CaseDeadline>> DeadlinesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var stored = await db.CaseDeadlines.Where(d => d.CaseId == caseId).ToListAsync(cancellationToken);
        foreach (var added in db.CaseDeadlines.Local.Where(d => d.CaseId == caseId))
        {
            if (!stored.Contains(added))
            {
                stored.Add(added);
            }
        }

        return stored;
    }

    private DateOnly UkToday() => Intake.UkTime.Today(clock);

    public static string PlainDate(DateOnly date) => date.ToString("d MMMM yyyy", English);

    private static string FirstName(string fullName)
    {
        var trimmed = fullName.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }

    private static string? Findings(List<ComplaintIssue> issues)
    {
        if (issues.Any(i => i.Finding is null))
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var issue in issues)
        {
            text.Append(CultureInfo.InvariantCulture, $"{issue.Number}. You told us: {issue.Description}\n");
            text.Append(CultureInfo.InvariantCulture, $"What I found: {issue.Finding!.Value.Describe()}.\n");
            if (!string.IsNullOrWhiteSpace(issue.WhatHappened))
            {
                text.Append(CultureInfo.InvariantCulture, $"What happened: {issue.WhatHappened.Trim()}\n");
            }

            if (!string.IsNullOrWhiteSpace(issue.WhatShouldHaveHappened))
            {
                text.Append(CultureInfo.InvariantCulture, $"What should have happened: {issue.WhatShouldHaveHappened.Trim()}\n");
            }

            if (!string.IsNullOrWhiteSpace(issue.Standard))
            {
                text.Append(CultureInfo.InvariantCulture, $"The standard I measured this against: {issue.Standard.Trim()}\n");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    private static string? FindingsForAChild(List<ComplaintIssue> issues)
    {
        if (issues.Any(i => i.Finding is null))
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var issue in issues)
        {
            text.Append(CultureInfo.InvariantCulture, $"You told us: {issue.Description}\n");
            text.Append(issue.Finding switch
            {
                Finding.Upheld => "We think you were right.",
                Finding.PartlyUpheld => "We think you were partly right.",
                Finding.NotUpheld => "We do not think this went wrong, and we want to explain why.",
                _ => "We could not find out for sure what happened.",
            }).Append('\n');
            if (!string.IsNullOrWhiteSpace(issue.WhatHappened))
            {
                text.Append(issue.WhatHappened.Trim()).Append('\n');
            }

            if (!string.IsNullOrWhiteSpace(issue.WhatShouldHaveHappened))
            {
                text.Append(CultureInfo.InvariantCulture, $"What should have happened: {issue.WhatShouldHaveHappened.Trim()}\n");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    private static string Remedies(List<Remedy> remedies, bool child)
    {
        if (remedies.Count == 0)
        {
            return child
                ? "We will keep listening to children and young people, so that we get better."
                : "I have not found anything that needs putting right beyond what this letter explains.";
        }

        return string.Join('\n', remedies.Select(r => r.Kind switch
        {
            RemedyKind.Apology => child ? $"- We are sorry. {r.Reason}" : $"- I apologise: {r.Reason}",
            RemedyKind.Explanation => $"- {r.Reason}",
            RemedyKind.Action => child ? $"- We will: {r.Reason}" : $"- What we will do: {r.Reason}",
            _ => $"- {(child ? "We will pay" : "We will pay you")} £{r.Amount?.ToString("N2", English)}: {r.Reason}",
        }));
    }
}
