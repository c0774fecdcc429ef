using System.Globalization;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Email;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Notifications;
using Heard.Application.Records;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Compliments;

/// <summary>What the complaints team decides about a compliment: who it is for, its themes, and whether to pass it on now.</summary>
public sealed record ComplimentDecision(Guid? StaffMemberId, IReadOnlyList<string> ThemeCodes, bool PassOn);

/// <summary>
/// Records who a compliment is for and its themes, and passes it on: a notification in Heard and an email to the
/// member of staff and to their manager, written in the same transaction as the case's history, so a compliment
/// is never marked passed on without them (nor the reverse).
/// </summary>
public sealed class ComplimentHandling(HeardDbContext db, CaseHistory history, Deadlines.CaseDeadlines deadlines, Outbox outbox, TimeProvider clock)
{
    public const string NotificationKind = "compliment";

    public async Task DecideAsync(Guid caseId, int expectedVersion, ComplimentDecision decision, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(actor);
        var @case = await RecordCases.LoadForChangeAsync(db, caseId, CaseType.Compliment, expectedVersion, cancellationToken);
        var compliment = await db.Compliments.Include(c => c.Themes).FirstAsync(c => c.CaseId == caseId, cancellationToken);
        var errors = new List<FieldError>();
        var codes = decision.ThemeCodes.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Themes.Where(t => codes.Contains(t.Code) && t.Active).Select(t => t.Code).ToListAsync(cancellationToken);
        if (known.Count != codes.Count)
        {
            errors.Add(new FieldError("ThemeCodes", "Select themes from the list"));
        }

        HeardUser? staff = null;
        if (decision.StaffMemberId is { } staffId)
        {
            staff = await db.Users.FirstOrDefaultAsync(u => u.Id == staffId, cancellationToken);
            if (staff is null)
            {
                errors.Add(new FieldError("StaffMemberId", "Select a member of staff from the list"));
            }
        }

        if (decision.PassOn && compliment.PassedOnAt is not null)
        {
            errors.Add(new FieldError("StaffMemberId", $"This compliment was already passed on, on {UkTime.DateOf(compliment.PassedOnAt.Value).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"));
        }
        else if (decision.PassOn && staff is null)
        {
            errors.Add(new FieldError("StaffMemberId", "Select the member of staff the compliment is for before passing it on"));
        }

        if (decision.PassOn && codes.Count == 0)
        {
            errors.Add(new FieldError("ThemeCodes", "Select at least one theme before passing it on, so the compliment is counted"));
        }

        RecordCases.ThrowIfAny(errors);

        var before = new { staff = compliment.StaffMemberId, themes = compliment.Themes.Select(t => t.ThemeCode).Order().ToList() };
        compliment.StaffMemberId = staff?.Id;
        if (staff is not null)
        {
            @case.PractitionerId = staff.Id;
            @case.ServiceAreaId = staff.ServiceAreaId ?? @case.ServiceAreaId;
            @case.TeamId = staff.TeamId ?? @case.TeamId;
        }

        compliment.Themes.RemoveAll(t => !codes.Contains(t.ThemeCode));
        foreach (var code in codes.Where(c => compliment.Themes.All(t => t.ThemeCode != c)))
        {
            compliment.Themes.Add(new ComplimentTheme { CaseId = caseId, ThemeCode = code });
        }

        history.Record(@case, actor, "compliment-recorded",
            staff is null ? $"Themes recorded ({codes.Count})" : $"Recorded as for {staff.DisplayName}, with {codes.Count} theme{(codes.Count == 1 ? "" : "s")}",
            data: new { before, after = new { staff = staff?.Id, themes = codes.Order().ToList() } });

        if (decision.PassOn)
        {
            await PassOnAsync(@case, compliment, staff!, actor, cancellationToken);
        }

        await RecordCases.SaveChangeAsync(db, cancellationToken);
    }

    private async Task PassOnAsync(Case @case, Compliment compliment, HeardUser staff, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var manager = staff.ManagerId is { } managerId ? await db.Users.FirstOrDefaultAsync(u => u.Id == managerId, cancellationToken) : null;
        // Passed on without the person's name or contact details: the member of staff needs the words, not who wrote them.
        var from = @case.Audience == Audience.Child ? "A child or young person" : @case.Person.Role switch
        {
            ComplainantRole.Parent => "A parent",
            ComplainantRole.Carer => "A carer",
            ComplainantRole.FamilyMember => "A family member",
            ComplainantRole.Representative => "A professional",
            _ => "Someone",
        };
        var received = @case.ReceivedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var quote = $"\u201c{compliment.Text}\u201d";

        Tell(staff, @case, "A compliment for you",
            $"{from} paid you a compliment, received on {received}:\n\n{quote}\n\nThank you for the difference you make.");
        var told = new List<string> { staff.DisplayName };
        if (manager is not null)
        {
            Tell(manager, @case, $"A compliment for {staff.DisplayName}",
                $"{from} paid {staff.DisplayName} a compliment, received on {received}:\n\n{quote}\n\nYou may want to share it with them in supervision or with the team.");
            told.Add($"their manager {manager.DisplayName}");
        }

        compliment.PassedOnAt = now;
        var fromState = @case.State;
        @case.State = RecordStates.PassedOn;
        @case.ClosedAt = now;
        history.Record(@case, actor, "passed-on", $"Passed on to {string.Join(" and ", told)}", fromState: fromState, toState: @case.State,
            data: new { staff = staff.Id, manager = manager?.Id, emailed = new[] { staff.Email, manager?.Email }.Count(e => e is not null) });
        await deadlines.MarkMetAsync(@case, RecordDeadlineKinds.ComplimentPassOn, UkTime.DateOf(now), actor, cancellationToken);
    }

    private void Tell(HeardUser user, Case @case, string title, string body)
    {
        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            CaseId = @case.Id,
            Kind = NotificationKind,
            Title = title,
            Body = body,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        if (!string.IsNullOrWhiteSpace(user.Email))
        {
            outbox.Enqueue(NotificationKind, user.Email, user.DisplayName, title, $"Dear {user.DisplayName},\n\n{body}\n\nReference: {@case.Reference}", @case.Id);
        }
    }
}
