using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Email;
using Heard.Application.Scheduling;
using Heard.Application.Tracking;
using Heard.Domain.Procedure;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Workspace;

// Tracking links for the public, and the scheduled reminders and escalations (today is Tuesday 10 March 2026).
public sealed class TrackingAndReminderTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TestServices _services = default!;
    private WorkspaceWorld _world = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = await TestServices.CreateAsync(_database);
        await using var scope = _services.Scope();
        _world = await WorkspaceWorld.CreateAsync(scope.ServiceProvider.GetRequiredService<HeardDbContext>(), new DateOnly(2026, 3, 2));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_tracking_link_shows_the_stage_the_due_date_and_the_letters_sent_and_only_a_hash_is_stored()
    {
        await using var scope = _services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var tracking = scope.ServiceProvider.GetRequiredService<Tracking.Tracking>();
        await WorkspaceWorld.AddDeadlineAsync(db, _world.AdultComplaintA, DeadlineKinds.Response, new DateOnly(2026, 3, 23));
        var letter = scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue("letter", "priya.q@example.com", null, "Acknowledgement of your complaint", "…", _world.AdultComplaintA.Id, Guid.NewGuid());
        scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue("notification", "priya.q@example.com", null, "Not a letter", "…", _world.AdultComplaintA.Id);
        await db.SaveChangesAsync();
        letter.Status = OutboxStatus.Sent;
        letter.SentAt = new DateTime(2026, 3, 3, 11, 0, 0, DateTimeKind.Utc);
        await db.SaveChangesAsync();

        var link = await tracking.IssueAsync(_world.AdultComplaintA.Id, Actor.Public);
        var view = await tracking.ViewAsync(link.Token);

        Assert.NotNull(view);
        Assert.Equal(_world.AdultComplaintA.Reference, view.Reference);
        Assert.Equal("Received", view.Stage);
        Assert.Equal(new DateOnly(2026, 3, 23), view.DueOn);
        Assert.Equal([new TrackedLetter("Acknowledgement of your complaint", new DateOnly(2026, 3, 3))], view.Letters);
        Assert.True(link.Token.Length >= 43, "a token carries at least 256 bits");
        Assert.False(await db.TrackingLinks.AnyAsync(t => t.TokenHash == link.Token));
        Assert.True(await db.TrackingLinks.AnyAsync(t => t.TokenHash == Tracking.Tracking.Hash(link.Token)));
        Assert.Equal($"/track/{link.Token}", link.Path);
    }

    [Fact]
    public async Task A_letter_sent_by_post_is_listed_on_the_tracking_page_and_a_draft_is_not()
    {
        await using var scope = _services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var tracking = scope.ServiceProvider.GetRequiredService<Tracking.Tracking>();
        Heard.Application.Letters.Letter Letter(string subject, Heard.Application.Letters.LetterStatus status, DateTime? sentAt) => new()
        {
            Id = Guid.NewGuid(),
            CaseId = _world.AdultComplaintB.Id,
            Template = "outcome",
            Subject = subject,
            Body = "…",
            Status = status,
            Channel = Heard.Application.Letters.LetterChannel.Post,
            RecipientName = "Bernard Holloway",
            RecipientAddress = "1 High Street",
            CreatedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc),
            CreatedByName = "Casey Officer",
            SentAt = sentAt,
        };
        db.Letters.Add(Letter("Our response to your complaint", Heard.Application.Letters.LetterStatus.Sent, new DateTime(2026, 3, 4, 15, 0, 0, DateTimeKind.Utc)));
        db.Letters.Add(Letter("A draft nobody has sent", Heard.Application.Letters.LetterStatus.Draft, null));
        await db.SaveChangesAsync();

        var link = await tracking.IssueAsync(_world.AdultComplaintB.Id, Actor.Public);
        var view = await tracking.ViewAsync(link.Token);

        Assert.NotNull(view);
        Assert.Equal([new TrackedLetter("Our response to your complaint", new DateOnly(2026, 3, 4))], view.Letters);
    }

    [Fact]
    public async Task Unknown_revoked_and_expired_links_all_find_nothing()
    {
        await using var scope = _services.Scope();
        var tracking = scope.ServiceProvider.GetRequiredService<Tracking.Tracking>();
        var access = scope.ServiceProvider.GetRequiredService<Access.CaseAccess>();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var toRevoke = await tracking.IssueAsync(_world.AdultComplaintA.Id, Actor.Public);
        var toExpire = await tracking.IssueAsync(_world.AdultComplaintB.Id, Actor.Public);
        var version = await db.Cases.Where(c => c.Id == _world.AdultComplaintA.Id).Select(c => c.Version).SingleAsync();
        Assert.NotNull(await tracking.ViewAsync(toRevoke.Token));

        var revoked = await tracking.RevokeAllAsync(_world.ViewerFor(_world.ComplaintsOfficer), _world.AdultComplaintA.Id, version, "Sent to the wrong address", access);
        _services.Clock.Advance(TimeSpan.FromDays(549));

        Assert.Equal(Access.CaseChangeOutcome.Done, revoked.Outcome);
        Assert.Null(await tracking.ViewAsync(toRevoke.Token));
        Assert.Null(await tracking.ViewAsync(toExpire.Token));
        Assert.Null(await tracking.ViewAsync("not-a-token-anyone-was-given"));
        Assert.True(await db.CaseEvents.AnyAsync(e => e.CaseId == _world.AdultComplaintA.Id && e.Kind == "tracking-link-revoked" && e.Reason == "Sent to the wrong address"));
    }

    [Fact]
    public void Children_get_plain_language_at_every_stage()
    {
        var states = new[] { ComplaintStates.Received, ComplaintStates.Acknowledged, ComplaintStates.Investigation, ComplaintStates.AwaitingConsent };

        foreach (var state in states)
        {
            var adult = TrackingStages.Describe(state, finished: false, child: false);
            var child = TrackingStages.Describe(state, finished: false, child: true);
            Assert.NotEqual(adult.Explanation, child.Explanation);
            Assert.DoesNotContain("complaint", child.Explanation, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Each_handler_gets_one_reminder_a_day_naming_cases_by_reference_only()
    {
        await AssignAsync(_world.AdultComplaintA, _world.PractitionerA);
        await AssignAsync(_world.OmbudsmanCaseA, _world.PractitionerA);
        await using var scope = _services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        await WorkspaceWorld.AddDeadlineAsync(db, _world.AdultComplaintA, DeadlineKinds.Response, new DateOnly(2026, 3, 12));
        await WorkspaceWorld.AddDeadlineAsync(db, _world.OmbudsmanCaseA, DeadlineKinds.Response, new DateOnly(2026, 4, 30));
        var reminders = scope.ServiceProvider.GetRequiredService<DeadlineReminders>();

        var first = await reminders.QueueDailyRemindersAsync();
        var again = await reminders.QueueDailyRemindersAsync();

        Assert.Equal(1, first);
        Assert.Equal(0, again);
        var email = await db.OutboxMessages.SingleAsync(m => m.Purpose == DeadlineReminders.ReminderPurpose);
        Assert.Equal(_world.PractitionerA.Email, email.ToAddress);
        Assert.Contains(_world.AdultComplaintA.Reference, email.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(_world.OmbudsmanCaseA.Reference, email.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", email.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_deadline_is_escalated_to_the_handlers_manager_once_and_recorded_on_the_case()
    {
        await AssignAsync(_world.AdultComplaintA, _world.PractitionerA);
        await using var scope = _services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        await WorkspaceWorld.AddDeadlineAsync(db, _world.AdultComplaintA, DeadlineKinds.Response, new DateOnly(2026, 3, 9));
        var reminders = scope.ServiceProvider.GetRequiredService<DeadlineReminders>();

        var first = await reminders.EscalateOverdueAsync();
        var again = await reminders.EscalateOverdueAsync();

        Assert.Equal(1, first);
        Assert.Equal(0, again);
        var email = await db.OutboxMessages.SingleAsync(m => m.Purpose == DeadlineReminders.EscalationPurpose);
        Assert.Equal(_world.ServiceManagerA.Email, email.ToAddress);
        Assert.Equal(_world.AdultComplaintA.Id, email.CaseId);
        var recorded = await db.CaseEvents.SingleAsync(e => e.CaseId == _world.AdultComplaintA.Id && e.Kind == DeadlineReminders.EscalatedEvent);
        Assert.Contains("Alex Manager-A", recorded.Summary, StringComparison.Ordinal);
    }

    private async Task AssignAsync(Case @case, Identity.HeardUser to)
    {
        await using var scope = _services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var row = await db.Cases.SingleAsync(c => c.Id == @case.Id);
        row.AssignedToId = to.Id;
        await db.SaveChangesAsync();
    }
}

// The nightly recomputation: a clock still stopped moves its deadline on, and the move is in the case's history.
public sealed class DeadlineRecomputeJobTests
{
    [Fact]
    public async Task The_nightly_job_moves_a_deadline_whose_clock_is_still_stopped_and_records_why()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await TestServices.CreateAsync(database);
        Guid caseId;
        DateOnly before;
        await using (var scope = services.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            var world = await WorkspaceWorld.CreateAsync(db, new DateOnly(2026, 3, 2));
            caseId = world.SubjectAccessRequestA.Id;
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            var deadlines = scope.ServiceProvider.GetRequiredService<CaseDeadlines>();
            await deadlines.SetAsync(@case, DeadlineKinds.Response, Domain.Calendar.DeadlineRule.Parse("working-days:15"), @case.ReceivedOn, Actor.System);
            await db.SaveChangesAsync();
            await deadlines.PauseAsync(@case, DeadlineKinds.Response, new DateOnly(2026, 3, 10), "Waiting for proof of identity", Actor.System);
            await db.SaveChangesAsync();
            before = (await db.CaseDeadlines.AsNoTracking().SingleAsync(d => d.CaseId == caseId)).DueOn;
        }

        // Wednesday morning: the clock stood still all of Tuesday and is still stopped.
        services.Clock.Advance(TimeSpan.FromDays(1));
        await new DeadlineRecomputeJob(services.Provider.GetRequiredService<IServiceScopeFactory>()).Execute(null!, CancellationToken.None);

        await using var check = services.Scope();
        var after = await check.ServiceProvider.GetRequiredService<HeardDbContext>().CaseDeadlines.AsNoTracking().SingleAsync(d => d.CaseId == caseId);
        var moved = await check.ServiceProvider.GetRequiredService<HeardDbContext>().CaseEvents.AsNoTracking().SingleAsync(e => e.CaseId == caseId && e.Kind == "deadline-changed");
        Assert.Equal(before.AddDays(1), after.DueOn);
        Assert.Equal("Nightly recomputation of open deadlines", moved.Reason);
    }
}
