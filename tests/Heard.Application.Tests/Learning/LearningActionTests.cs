using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Learning;
using Heard.Application.Procedure;
using Heard.Application.Tests.Procedure;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Learning;

/// <summary>Action points on a complaint under investigation, on a real database, with a clock the test moves.</summary>
public sealed class LearningActionTests
{
    private static async Task<(ProcedureHost Host, Guid CaseId, StaffMember Officer, StaffMember Owner)> InvestigationAsync()
    {
        var host = await ProcedureHost.StartAsync(new DateOnly(2024, 3, 1));
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var manager = await host.StaffAsync("Rae Responsible", Roles.ServiceManager);
        var owner = await host.StaffAsync("Priya Practice", Roles.Communications);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);
        await host.ApplyAsync(result.CaseId, "accept", officer);
        await host.ApplyAsync(result.CaseId, "start-investigation", officer, new TransitionInput { ManagerId = manager.UserId });
        return (host, result.CaseId, officer, owner);
    }

    private static LearningActionInput Input(StaffMember owner, DateOnly due) => new()
    {
        Description = "Share the learning about checking reports with the children's views at the team meeting.",
        OwnerId = owner.UserId,
        DueOn = due,
        Level = CascadeLevel.Practitioner,
        ThemeCode = "not-listened-to",
    };

    private static async Task<Guid> AddAsync(ProcedureHost host, Guid caseId, StaffMember who, LearningActionInput input)
    {
        var version = (await host.CaseAsync(caseId)).Version;
        return await host.RunAsync(s => s.GetRequiredService<LearningActions>().AddAsync(caseId, version, input, who));
    }

    private static Task<LearningAction> ActionAsync(ProcedureHost host, Guid id) =>
        host.RunAsync(s => s.GetRequiredService<HeardDbContext>().LearningActions.AsNoTracking().SingleAsync(a => a.Id == id));

    [Fact]
    public async Task Marking_an_action_done_without_evidence_is_refused_and_changes_nothing()
    {
        var (host, caseId, officer, owner) = await InvestigationAsync();
        await using var _ = host;
        var id = await AddAsync(host, caseId, officer, Input(owner, new DateOnly(2024, 4, 30)));
        var before = await host.CaseAsync(caseId);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.RunAsync(s => s.GetRequiredService<LearningActions>().CompleteAsync(caseId, before.Version, id, "   ", officer)));

        Assert.Equal("Evidence", Assert.Single(refused.Errors).Field);
        Assert.Equal(LearningActionStatus.Open, (await ActionAsync(host, id)).Status);
        Assert.Equal(before.Version, (await host.CaseAsync(caseId)).Version);
    }

    [Fact]
    public async Task Adding_completing_and_cancelling_actions_each_write_an_event_with_the_change()
    {
        var (host, caseId, officer, owner) = await InvestigationAsync();
        await using var _ = host;
        var eventsBefore = (await host.EventsAsync(caseId)).Count;

        var first = await AddAsync(host, caseId, officer, Input(owner, new DateOnly(2024, 4, 30)));
        var second = await AddAsync(host, caseId, officer, Input(owner, new DateOnly(2024, 5, 31)) with { Level = CascadeLevel.National, ThemeCode = "communication" });
        host.SetToday(new DateOnly(2024, 3, 20));
        var version = (await host.CaseAsync(caseId)).Version;
        await host.RunAsync(s => s.GetRequiredService<LearningActions>().CompleteAsync(caseId, version, first, "Minutes of the team meeting of 19 March 2024, item 4.", officer));
        version = (await host.CaseAsync(caseId)).Version;
        await host.RunAsync(s => s.GetRequiredService<LearningActions>().CancelAsync(caseId, version, second, "Covered by the national practice note instead.", officer));

        var events = (await host.EventsAsync(caseId)).Skip(eventsBefore).ToList();
        Assert.Equal(["learning-action-added", "learning-action-added", "learning-action-done", "learning-action-cancelled"], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal((officer.UserId, Roles.ComplaintsTeam), (e.ActorId!.Value, e.ActorRole)));
        Assert.Equal("Minutes of the team meeting of 19 March 2024, item 4.", events[2].Reason);
        var done = await ActionAsync(host, first);
        Assert.Equal((LearningActionStatus.Done, new DateOnly(2024, 3, 20)), (done.Status, done.ClosedOn));
        var cancelled = await ActionAsync(host, second);
        Assert.Equal((LearningActionStatus.Cancelled, "Covered by the national practice note instead."), (cancelled.Status, cancelled.CancelledReason));
        Assert.Null(cancelled.ServiceAreaId);
    }

    [Fact]
    public async Task An_action_past_its_due_date_shows_as_overdue_in_its_owners_list()
    {
        var (host, caseId, officer, owner) = await InvestigationAsync();
        await using var _ = host;
        await AddAsync(host, caseId, officer, Input(owner, new DateOnly(2024, 3, 15)));

        host.SetToday(new DateOnly(2024, 3, 15));
        var onTheDay = Assert.Single(await host.RunAsync(s => s.GetRequiredService<LearningActions>().OwnedByAsync(owner.UserId)));
        host.SetToday(new DateOnly(2024, 3, 18));
        var dayAfter = Assert.Single(await host.RunAsync(s => s.GetRequiredService<LearningActions>().OwnedByAsync(owner.UserId)));

        Assert.False(onTheDay.Overdue);
        Assert.True(dayAfter.Overdue);
        Assert.Empty(await host.RunAsync(s => s.GetRequiredService<LearningActions>().OwnedByAsync(officer.UserId)));
    }

    [Fact]
    public async Task An_action_given_to_someone_else_with_a_later_date_records_who_from_what_to_what_and_why()
    {
        var (host, caseId, officer, owner) = await InvestigationAsync();
        await using var _ = host;
        var other = await host.StaffAsync("Olu Other", Roles.Communications);
        var id = await AddAsync(host, caseId, officer, Input(owner, new DateOnly(2024, 3, 15)));
        host.SetToday(new DateOnly(2024, 3, 18));
        var version = (await host.CaseAsync(caseId)).Version;
        var actions = (IServiceProvider s) => s.GetRequiredService<LearningActions>();

        var ownerRefused = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            host.RunAsync(s => actions(s).RescheduleAsync(caseId, version, id, owner.UserId, new DateOnly(2024, 4, 30), "I need more time.", owner)));
        var unchanged = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.RunAsync(s => actions(s).RescheduleAsync(caseId, version, id, owner.UserId, new DateOnly(2024, 3, 15), "No change.", officer)));
        var past = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.RunAsync(s => actions(s).RescheduleAsync(caseId, version, id, other.UserId, new DateOnly(2024, 3, 17), "Yesterday.", officer)));
        await host.RunAsync(s => actions(s).RescheduleAsync(caseId, version, id, other.UserId, new DateOnly(2024, 4, 30), "Priya is on leave until April.", officer));

        var action = await ActionAsync(host, id);
        Assert.Contains("set or change learning actions", ownerRefused.Message, StringComparison.Ordinal);
        Assert.Equal("NewOwnerId", Assert.Single(unchanged.Errors).Field);
        Assert.Equal("NewDueOn", Assert.Single(past.Errors).Field);
        Assert.Equal((other.UserId, "Olu Other", new DateOnly(2024, 4, 30), LearningActionStatus.Open), (action.OwnerId, action.OwnerName, action.DueOn, action.Status));
        var changed = (await host.EventsAsync(caseId))[^1];
        Assert.Equal("learning-action-changed", changed.Kind);
        Assert.Equal("Learning action given to Olu Other (was Priya Practice) and due 30 April 2024 (was 15 March 2024)", changed.Summary);
        Assert.Equal("Priya is on leave until April.", changed.Reason);
        Assert.Empty(await host.RunAsync(s => actions(s).OwnedByAsync(owner.UserId)));
        Assert.False(Assert.Single(await host.RunAsync(s => actions(s).OwnedByAsync(other.UserId))).Overdue);
    }

    [Fact]
    public async Task A_change_made_on_an_older_version_of_the_case_is_refused()
    {
        var (host, caseId, officer, owner) = await InvestigationAsync();
        await using var _ = host;
        var shown = (await host.CaseAsync(caseId)).Version;
        await AddAsync(host, caseId, officer, Input(owner, new DateOnly(2024, 4, 30)));

        await Assert.ThrowsAsync<StaleCaseException>(() =>
            host.RunAsync(s => s.GetRequiredService<LearningActions>().AddAsync(caseId, shown, Input(owner, new DateOnly(2024, 5, 1)), officer)));

        Assert.Equal(1, await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().LearningActions.CountAsync(a => a.CaseId == caseId)));
    }

    [Fact]
    public async Task Only_the_policys_roles_set_actions_but_the_owner_may_mark_their_own_action_done()
    {
        var (host, caseId, officer, owner) = await InvestigationAsync();
        await using var _ = host;
        var id = await AddAsync(host, caseId, officer, Input(owner, new DateOnly(2024, 4, 30)));
        var version = (await host.CaseAsync(caseId)).Version;

        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            host.RunAsync(s => s.GetRequiredService<LearningActions>().AddAsync(caseId, version, Input(owner, new DateOnly(2024, 4, 30)), owner)));
        await host.RunAsync(s => s.GetRequiredService<LearningActions>().CompleteAsync(caseId, version, id, "Read the practice note and discussed it in supervision.", owner));

        Assert.Contains("set or change learning actions", refused.Message, StringComparison.Ordinal);
        Assert.Equal(LearningActionStatus.Done, (await ActionAsync(host, id)).Status);
    }

    [Fact]
    public async Task A_new_action_needs_what_who_when_level_and_theme_and_refuses_a_past_due_date()
    {
        var (host, caseId, officer, owner) = await InvestigationAsync();
        await using var _ = host;
        var version = (await host.CaseAsync(caseId)).Version;

        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.RunAsync(s => s.GetRequiredService<LearningActions>().AddAsync(caseId, version, new LearningActionInput(), officer)));
        var past = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.RunAsync(s => s.GetRequiredService<LearningActions>().AddAsync(caseId, version, Input(owner, new DateOnly(2024, 2, 29)), officer)));
        var noTeam = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.RunAsync(s => s.GetRequiredService<LearningActions>().AddAsync(caseId, version, Input(owner, new DateOnly(2024, 4, 1)) with { Level = CascadeLevel.Team }, officer)));

        Assert.Equal(["Description", "OwnerId", "DueOn", "ThemeCode", "Level"], empty.Errors.Select(e => e.Field));
        Assert.Equal("The due date must be today or in the future", Assert.Single(past.Errors).Message);
        Assert.Equal("TeamId", Assert.Single(noTeam.Errors).Field);
    }
}
