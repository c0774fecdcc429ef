using Heard.Application.Children;
using Heard.Application.Data;
using Heard.Application.Email;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Letters;
using Heard.Application.Procedure;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Procedure;

/// <summary>Complaints walked through their procedures with real dates, on a real database.</summary>
public sealed class ProcedureScenarioTests
{
    private static readonly Dictionary<string, string?> FromBoardMeeting = new() { ["Heard:Procedure:EffectiveFrom:procedure-2013"] = "2013-03-01" };

    [Fact]
    public async Task Complaint_received_19_March_2013_under_the_2013_rules_is_due_in_15_working_days_skipping_Easter()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2013, 3, 19), FromBoardMeeting);

        var result = await host.SubmitAsync(ProcedureHost.Adult(), receivedOn: new DateOnly(2013, 3, 19), channel: Channel.Letter);

        var response = await host.DeadlineAsync(result.CaseId, "response");
        Assert.Equal("procedure-2013@1", (await host.CaseAsync(result.CaseId)).PolicyCode);
        Assert.Equal(new DateOnly(2013, 4, 11), response!.DueOn);
        Assert.Equal(
            "15 working days from Tuesday 19 March 2013; skipped Good Friday 29 March and Easter Monday 1 April; due Thursday 11 April 2013.",
            response.Explanation);
        Assert.Equal(new DateOnly(2013, 3, 22), result.DueOn("acknowledgement"));
    }

    [Fact]
    public async Task Complaint_received_19_March_2013_with_the_shipped_date_follows_the_2010_procedure_and_10_working_days()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2013, 3, 19));

        var result = await host.SubmitAsync(ProcedureHost.Adult(), receivedOn: new DateOnly(2013, 3, 19), channel: Channel.Letter);

        Assert.Equal("procedure-2010@1", (await host.CaseAsync(result.CaseId)).PolicyCode);
        Assert.Equal(new DateOnly(2013, 4, 4), result.DueOn("response"));
    }

    [Fact]
    public async Task Complaint_received_10_days_after_involvement_ended_is_accepted()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2013, 6, 11), FromBoardMeeting);
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var result = await host.SubmitAsync(ProcedureHost.Adult(involvementEndedOn: new DateOnly(2013, 6, 1)), receivedOn: new DateOnly(2013, 6, 11), channel: Channel.Letter);
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);

        await host.ApplyAsync(result.CaseId, "accept", officer);

        Assert.Equal(ComplaintStates.Accepted, (await host.CaseAsync(result.CaseId)).State);
        Assert.Equal("accept", (await host.ProgressAsync(result.CaseId)).EligibilityDecision);
    }

    [Fact]
    public async Task Complaint_received_7_months_after_involvement_ended_cannot_simply_be_accepted_but_can_by_discretion_against_a_criterion()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2014, 1, 6), FromBoardMeeting);
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var result = await host.SubmitAsync(ProcedureHost.Adult(involvementEndedOn: new DateOnly(2013, 6, 1)), receivedOn: new DateOnly(2014, 1, 6), channel: Channel.Letter);
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);
        var before = await host.CaseAsync(result.CaseId);
        var eventsBefore = (await host.EventsAsync(result.CaseId)).Count;

        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() => host.ApplyAsync(result.CaseId, "accept", officer));
        var noCriterion = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.ApplyAsync(result.CaseId, "accept-by-discretion", officer, new TransitionInput { Reason = "She was in hospital from July to December." }));
        var unchanged = await host.CaseAsync(result.CaseId);
        Assert.Equal((before.State, before.Version), (unchanged.State, unchanged.Version));
        Assert.Equal(eventsBefore, (await host.EventsAsync(result.CaseId)).Count);

        await host.ApplyAsync(result.CaseId, "accept-by-discretion", officer, new TransitionInput { Criterion = "practical-constraints", Reason = "She was in hospital from July to December." });

        Assert.Contains("The complaint is out of time", refused.Message, StringComparison.Ordinal);
        Assert.Contains("the last day was Monday 2 December 2013", refused.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(TransitionInput.Criterion), Assert.Single(noCriterion.Errors).Field);
        Assert.Equal(ComplaintStates.Accepted, (await host.CaseAsync(result.CaseId)).State);
        Assert.Equal("practical-constraints", (await host.ProgressAsync(result.CaseId)).DiscretionCriterion);
        var decision = (await host.EventsAsync(result.CaseId)).Last(e => e.Kind == "transition");
        Assert.Equal((Roles.ComplaintsTeam, "acknowledged", "accepted"), (decision.ActorRole, decision.FromState, decision.ToState));
        Assert.Equal("She was in hospital from July to December.", decision.Reason);
        Assert.Contains("\"criterion\":\"practical-constraints\"", decision.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusing_a_complaint_as_out_of_time_closes_it_and_drafts_the_out_of_time_letter_with_the_last_day()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2014, 1, 6), FromBoardMeeting);
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var result = await host.SubmitAsync(ProcedureHost.Adult(involvementEndedOn: new DateOnly(2013, 6, 1)), receivedOn: new DateOnly(2014, 1, 6), channel: Channel.Letter);
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);

        var outcome = await host.ApplyAsync(result.CaseId, "refuse-out-of-time", officer, new TransitionInput { Reason = "Nothing stopped him complaining sooner; he says he forgot." });

        var @case = await host.CaseAsync(result.CaseId);
        var letter = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().Letters.AsNoTracking().SingleAsync(l => l.Id == outcome.LetterId));
        Assert.Equal(ComplaintStates.RefusedOutOfTime, @case.State);
        Assert.NotNull(@case.ClosedAt);
        Assert.Equal(new DateOnly(2014, 1, 6), (await host.DeadlineAsync(result.CaseId, "response"))!.MetOn);
        Assert.Equal("out-of-time", letter.Template);
        Assert.Contains("so the last day to complain was 2 December 2013", letter.Body, StringComparison.Ordinal);
        Assert.Contains("he says he forgot", letter.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Child_complaint_in_2024_goes_to_the_childrens_complaints_manager_who_must_make_contact_within_1_working_day()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 2, 9));
        var manager = await host.StaffAsync("Sasha Whitfield", Roles.ChildrensComplaintsManager);
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);

        var result = await host.SubmitAsync(ProcedureHost.Child());
        var firstContact = await host.DeadlineAsync(result.CaseId, "first-contact");
        var hidden = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            host.ApplyAsync(result.CaseId, "record-first-contact", officer, new TransitionInput { On = new DateOnly(2024, 2, 9) }));
        host.SetToday(new DateOnly(2024, 2, 12));
        await host.ApplyAsync(result.CaseId, "record-first-contact", manager, new TransitionInput { On = new DateOnly(2024, 2, 12) });

        Assert.Equal("child-2023@1", (await host.CaseAsync(result.CaseId)).PolicyCode);
        Assert.Equal(new DateOnly(2024, 2, 12), firstContact!.DueOn);
        Assert.Equal("1 working day from Friday 9 February 2024; due Monday 12 February 2024.", firstContact.Explanation);
        Assert.Equal(ComplaintProcedure.NotShared, hidden.Message);
        Assert.Equal(new DateOnly(2024, 2, 12), (await host.DeadlineAsync(result.CaseId, "first-contact"))!.MetOn);
        Assert.Equal(new DateOnly(2024, 2, 12), (await host.ProgressAsync(result.CaseId)).FirstContactOn);
        Assert.Contains(await host.EventsAsync(result.CaseId), e => e.Kind == "deadline-met" && e.Summary == "First contact done Monday 12 February 2024, on time");
        Assert.Equal("My aunt", (await host.CaseAsync(result.CaseId)).Person.HelpedBy);
    }

    [Fact]
    public async Task Childs_complaint_is_seen_only_by_the_childrens_complaints_manager_and_those_they_share_it_with()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 2, 9));
        var manager = await host.StaffAsync("Sasha Whitfield", Roles.ChildrensComplaintsManager);
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var serviceManager = await host.StaffAsync("Pat Service", Roles.ServiceManager);
        var result = await host.SubmitAsync(ProcedureHost.Child());
        var @case = await host.CaseAsync(result.CaseId);

        async Task<bool> CanSee(StaffMember who) => await host.RunAsync(s => s.GetRequiredService<ChildrensComplaints>().CanSeeAsync(who, @case));
        var before = (await CanSee(manager), await CanSee(officer), await CanSee(serviceManager));
        await host.RunAsync(s => s.GetRequiredService<ChildrensComplaints>().ShareAsync(result.CaseId, @case.Version, serviceManager.UserId, "Investigating the practitioner's visits", manager));
        var after = (await CanSee(manager), await CanSee(officer), await CanSee(serviceManager));
        var queue = await host.RunAsync(s => s.GetRequiredService<ChildrensComplaints>().QueueAsync(serviceManager, 1, 25));
        var officersQueue = await host.RunAsync(s => s.GetRequiredService<ChildrensComplaints>().QueueAsync(officer, 1, 25));
        var sharing = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            host.RunAsync(async s => await s.GetRequiredService<ChildrensComplaints>().ShareAsync(result.CaseId, (await host.CaseAsync(result.CaseId)).Version, officer.UserId, "x", serviceManager)));

        Assert.Equal((true, false, false), before);
        Assert.Equal((true, false, true), after);
        Assert.Equal(result.CaseId, Assert.Single(queue.Items).Id);
        Assert.Empty(officersQueue.Items);
        Assert.Equal("Only the children's complaints manager can share a child's complaint.", sharing.Message);
        Assert.Contains(await host.EventsAsync(result.CaseId), e => e.Kind == "shared" && e.Summary == "Shared with Pat Service");
    }

    [Fact]
    public async Task Withdrawal_needs_a_reason_closes_the_complaint_and_reopening_restarts_the_response_date()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 5, 13));
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);

        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() => host.ApplyAsync(result.CaseId, "withdraw", officer, new TransitionInput { Reason = "  " }));
        await host.ApplyAsync(result.CaseId, "withdraw", officer, new TransitionInput { Reason = "Mr Example phoned: the matter was resolved at the hearing." });
        var withdrawn = await host.CaseAsync(result.CaseId);
        host.SetToday(new DateOnly(2024, 5, 20));
        await host.ApplyAsync(result.CaseId, "reopen-decision", officer, new TransitionInput { Reason = "He wrote again: it was not resolved." });
        var reopened = await host.CaseAsync(result.CaseId);

        var field = Assert.Single(noReason.Errors);
        Assert.Equal((nameof(TransitionInput.Reason), "Enter why the complaint is being withdrawn"), (field.Field, field.Message));
        Assert.Equal(ComplaintStates.Withdrawn, withdrawn.State);
        Assert.NotNull(withdrawn.ClosedAt);
        Assert.Equal("Mr Example phoned: the matter was resolved at the hearing.", (await host.ProgressAsync(result.CaseId)).WithdrawnReason);
        Assert.Equal(ComplaintStates.Acknowledged, reopened.State);
        Assert.Null(reopened.ClosedAt);
        Assert.Equal(new DateOnly(2024, 6, 11), (await host.DeadlineAsync(result.CaseId, "response"))!.DueOn);
    }

    [Fact]
    public async Task Early_resolution_that_fails_turns_into_a_formal_investigation()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 5, 13));
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var local = await host.StaffAsync("Lee Local", Roles.ServiceManager);
        var responsible = await host.StaffAsync("Rae Responsible", Roles.HeadOfPractice);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);
        await host.ApplyAsync(result.CaseId, "accept", officer);

        var offer = await host.ApplyAsync(result.CaseId, "offer-early-resolution", officer);
        host.SetToday(new DateOnly(2024, 5, 15));
        await host.ApplyAsync(result.CaseId, "record-consent", officer, new TransitionInput { On = new DateOnly(2024, 5, 15), ManagerId = local.UserId });
        var contactDue = await host.DeadlineAsync(result.CaseId, "first-contact");
        await host.ApplyAsync(result.CaseId, "record-contact", local, new TransitionInput { On = new DateOnly(2024, 5, 15) });
        host.SetToday(new DateOnly(2024, 5, 20));
        await host.ApplyAsync(result.CaseId, "early-resolution-failed", local, new TransitionInput { Reason = "She wants a formal investigation of the report.", ManagerId = responsible.UserId });

        var @case = await host.CaseAsync(result.CaseId);
        var progress = await host.ProgressAsync(result.CaseId);
        var letters = await host.RunAsync(s => s.GetRequiredService<CaseLetters>().ForCaseAsync(result.CaseId));
        Assert.Equal("early-resolution-consent", letters.Single(l => l.Id == offer.LetterId).Template);
        Assert.Equal(new DateOnly(2024, 5, 15), contactDue!.DueOn);
        Assert.Equal(new DateOnly(2024, 5, 15), (await host.DeadlineAsync(result.CaseId, "first-contact"))!.MetOn);
        Assert.Equal(ComplaintStates.Investigation, @case.State);
        Assert.Equal(responsible.UserId, @case.AssignedToId);
        Assert.Equal((false, local.UserId, responsible.UserId), (progress.ResolvedEarly, progress.LocalServiceManagerId, progress.ResponsibleManagerId));
        var turned = (await host.EventsAsync(result.CaseId)).Last(e => e.Kind == "transition");
        Assert.Equal(("early-resolution", "investigation", Roles.ServiceManager), (turned.FromState, turned.ToState, turned.ActorRole));
        Assert.Contains("Responsible manager: Rae Responsible", turned.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Late_response_needs_a_holding_letter_from_3_working_days_before_and_the_extension_records_who_agreed()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 3, 1));
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var manager = await host.StaffAsync("Rae Responsible", Roles.ServiceManager);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);
        await host.ApplyAsync(result.CaseId, "accept", officer);
        await host.ApplyAsync(result.CaseId, "start-investigation", officer, new TransitionInput { ManagerId = manager.UserId });

        async Task<bool> Needed() => (await host.RunAsync(s => s.GetRequiredService<ProcedureQueries>().ViewAsync(result.CaseId, manager)))!
            .Deadlines.Single(d => d.Deadline.Kind == "response").HoldingLetterNeeded;
        host.SetToday(new DateOnly(2024, 3, 18));
        var fourDaysBefore = await Needed();
        host.SetToday(new DateOnly(2024, 3, 19));
        var threeDaysBefore = await Needed();
        host.SetToday(new DateOnly(2024, 3, 20));
        var holding = await host.ApplyAsync(result.CaseId, "holding-letter", manager, new TransitionInput
        {
            NewDueOn = new DateOnly(2024, 4, 5),
            Reason = "The family court adviser is on leave until 2 April and I need to speak to her.",
            AgreedBy = "Jo Bloggs, head of practice",
        });
        var extended = await host.DeadlineAsync(result.CaseId, "response");
        var afterHolding = await Needed();

        Assert.False(fourDaysBefore);
        Assert.True(threeDaysBefore);
        Assert.Equal(new DateOnly(2024, 4, 5), extended!.DueOn);
        Assert.Equal("Jo Bloggs, head of practice", Assert.Single(extended.Extensions).AgreedBy);
        Assert.Contains("agreed by Jo Bloggs, head of practice on Wednesday 20 March 2024", extended.Explanation, StringComparison.Ordinal);
        Assert.Contains("Good Friday 29 March and Easter Monday 1 April", extended.Explanation, StringComparison.Ordinal);
        Assert.False(afterHolding);
        var letter = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().Letters.AsNoTracking().SingleAsync(l => l.Id == holding.LetterId));
        Assert.Contains("by Friday 22 March 2024. I am sorry, but we need more time.", letter.Body, StringComparison.Ordinal);
        Assert.Contains("We will now send you our full response by Friday 5 April 2024.", letter.Body, StringComparison.Ordinal);

        // The response goes after the first date but before the new one: on time against the extended date.
        await host.ApplyAsync(result.CaseId, "declare-conflict", manager, new TransitionInput { ConflictDeclared = false });
        await host.ApplyAsync(result.CaseId, "offer-conversation", manager);
        await host.RecordFindingAsync(result.CaseId, 1, manager, Finding.PartlyUpheld, "report-accuracy");
        host.SetToday(new DateOnly(2024, 4, 4));
        await host.SendStepLetterAsync(result.CaseId, "send-response", manager);

        Assert.Equal(ComplaintStates.ResponseSent, (await host.CaseAsync(result.CaseId)).State);
        Assert.Equal(new DateOnly(2024, 4, 4), (await host.DeadlineAsync(result.CaseId, "response"))!.MetOn);
        Assert.Contains(await host.EventsAsync(result.CaseId), e => e.Kind == "deadline-met" && e.Summary == "Response done Thursday 4 April 2024, on time");
    }

    [Fact]
    public async Task Response_sent_after_its_date_without_a_holding_letter_is_recorded_as_late()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 3, 1));
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);
        await host.ApplyAsync(result.CaseId, "accept", officer);
        await host.ApplyAsync(result.CaseId, "start-investigation", officer, new TransitionInput { ManagerId = (await host.StaffAsync("Rae", Roles.ServiceManager)).UserId });
        await host.ApplyAsync(result.CaseId, "declare-conflict", officer, new TransitionInput { ConflictDeclared = false });
        host.SetToday(new DateOnly(2024, 3, 5));
        await host.ApplyAsync(result.CaseId, "record-conversation", officer, new TransitionInput { On = new DateOnly(2024, 3, 5) });
        await host.RecordFindingAsync(result.CaseId, 1, officer);
        host.SetToday(new DateOnly(2024, 3, 26));

        await host.SendStepLetterAsync(result.CaseId, "send-response", officer);

        Assert.Contains(await host.EventsAsync(result.CaseId), e => e.Kind == "deadline-met" && e.Summary == "Response done Tuesday 26 March 2024, after the due date Friday 22 March 2024");
    }

    [Fact]
    public async Task Step_the_role_may_not_take_is_refused_with_the_reason_and_changes_nothing()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 5, 13));
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var manager = await host.StaffAsync("Pat Service", Roles.ServiceManager);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);
        var before = await host.CaseAsync(result.CaseId);
        var events = (await host.EventsAsync(result.CaseId)).Count;

        var byRole = await Assert.ThrowsAsync<TransitionRefusedException>(() => host.ApplyAsync(result.CaseId, "accept", manager));
        var byState = await Assert.ThrowsAsync<TransitionRefusedException>(() => host.ApplyAsync(result.CaseId, "close", officer));
        var byLetterOnly = await Assert.ThrowsAsync<TransitionRefusedException>(() => host.ApplyAsync(result.CaseId, "send-response", officer));

        Assert.Equal("Under the Adults' complaints policy (2023) only the complaints and correspondence team can do “Accept”.", byRole.Message);
        Assert.StartsWith("“Close” is not possible while the complaint is acknowledged.", byState.Message, StringComparison.Ordinal);
        Assert.StartsWith("“Send the response” is not possible while the complaint is acknowledged.", byLetterOnly.Message, StringComparison.Ordinal);
        var after = await host.CaseAsync(result.CaseId);
        Assert.Equal((before.State, before.Version, before.UpdatedAt), (after.State, after.Version, after.UpdatedAt));
        Assert.Equal(events, (await host.EventsAsync(result.CaseId)).Count);
    }

    [Fact]
    public async Task Form_based_on_an_older_version_of_the_case_is_refused_and_changes_nothing()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 5, 13));
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var colleague = await host.StaffAsync("Jordan Reid", Roles.ComplaintsTeam);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);
        var seen = (await host.CaseAsync(result.CaseId)).Version;

        await host.RunAsync(s => s.GetRequiredService<ComplaintProcedure>().ApplyAsync(result.CaseId, seen, "accept", TransitionInput.None, officer));
        var stale = await Assert.ThrowsAsync<StaleCaseException>(() => host.RunAsync(s =>
            s.GetRequiredService<ComplaintProcedure>().ApplyAsync(result.CaseId, seen, "withdraw", new TransitionInput { Reason = "Withdrawn by phone" }, colleague)));

        Assert.Equal(StaleCaseException.DefaultMessage, stale.Message);
        Assert.Equal(ComplaintStates.Accepted, (await host.CaseAsync(result.CaseId)).State);
    }

    [Fact]
    public async Task Second_of_two_concurrent_saves_is_refused_by_the_database_not_silently_applied()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 5, 13));
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var colleague = await host.StaffAsync("Jordan Reid", Roles.ComplaintsTeam);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);

        await using var first = host.Services.CreateAsyncScope();
        var firstProcedure = first.ServiceProvider.GetRequiredService<ComplaintProcedure>();
        var loaded = await firstProcedure.LoadAsync(result.CaseId, CancellationToken.None);
        await firstProcedure.ApplyWithinAsync(loaded, "accept", TransitionInput.None, officer, byLetter: false, CancellationToken.None);
        await host.ApplyAsync(result.CaseId, "withdraw", colleague, new TransitionInput { Reason = "Withdrawn by phone" });

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.ServiceProvider.GetRequiredService<HeardDbContext>().SaveChangesAsync());
        Assert.Equal(ComplaintStates.Withdrawn, (await host.CaseAsync(result.CaseId)).State);
        Assert.DoesNotContain(await host.EventsAsync(result.CaseId), e => e.ToState == ComplaintStates.Accepted);
    }

    [Fact]
    public async Task Finding_without_a_theme_and_remedy_without_a_reason_are_refused_with_the_field_named()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 5, 13));
        var (caseId, manager) = await InvestigationAsync(host);
        var version = (await host.CaseAsync(caseId)).Version;

        var finding = await Assert.ThrowsAsync<ValidationFailedException>(() => host.RunAsync(s => s.GetRequiredService<CaseFindings>()
            .RecordFindingAsync(caseId, version, 1, new FindingInput { Finding = Finding.NotUpheld, WhatHappened = "The report was accurate." }, manager)));
        var remedy = await Assert.ThrowsAsync<ValidationFailedException>(() => host.RunAsync(s => s.GetRequiredService<CaseFindings>()
            .AddRemedyAsync(caseId, version, new RemedyInput { Kind = RemedyKind.FinancialRedress, Amount = 150m }, manager)));

        Assert.Equal(("ThemeCode", "Select the theme of issue 1"), (Assert.Single(finding.Errors).Field, finding.Errors[0].Message));
        Assert.Equal(("Reason", "Enter the reason for the payment"), (Assert.Single(remedy.Errors).Field, remedy.Errors[0].Message));
        Assert.Equal(version, (await host.CaseAsync(caseId)).Version);
    }

    [Fact]
    public async Task Payment_above_the_threshold_holds_the_response_until_a_head_of_practice_other_than_its_author_approves_it()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 5, 13));
        var (caseId, manager) = await InvestigationAsync(host);
        var head = await host.StaffAsync("Hana Head", Roles.HeadOfPractice);
        await host.RecordFindingAsync(caseId, 1, manager, Finding.Upheld, "delay");
        await host.RunAsync(async s => await s.GetRequiredService<CaseFindings>().AddRemedyAsync(caseId, (await host.CaseAsync(caseId)).Version,
            new RemedyInput { Kind = RemedyKind.FinancialRedress, Amount = 750m, Reason = "Time off work for a hearing adjourned because our report was late", IssueNumber = 1 }, manager));
        var remedy = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().Remedies.AsNoTracking().SingleAsync(r => r.CaseId == caseId));

        var held = await Assert.ThrowsAsync<TransitionRefusedException>(() => host.SendStepLetterAsync(caseId, "send-response", manager));
        var wrongRole = await Assert.ThrowsAsync<TransitionRefusedException>(() => host.RunAsync(async s =>
            await s.GetRequiredService<CaseFindings>().ApproveRemedyAsync(caseId, (await host.CaseAsync(caseId)).Version, remedy.Id, manager)));
        await host.RunAsync(async s => await s.GetRequiredService<CaseFindings>().ApproveRemedyAsync(caseId, (await host.CaseAsync(caseId)).Version, remedy.Id, head));
        await host.SendStepLetterAsync(caseId, "send-response", manager);

        Assert.True(remedy.NeedsApproval);
        Assert.Equal("HeadOfPractice", remedy.ApproverRole);
        Assert.Contains("1 payment above £500 is waiting for approval.", held.Message, StringComparison.Ordinal);
        Assert.Equal("Under the Adults' complaints policy (2023) only the head of practice can approve payments above £500, while the complaint is being investigated.", wrongRole.Message);
        var outcome = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().Letters.AsNoTracking().SingleAsync(l => l.CaseId == caseId && l.Template == "outcome"));
        Assert.Contains("We will pay you £750.00: Time off work", outcome.Body, StringComparison.Ordinal);
        Assert.Contains("What I found: Upheld.", outcome.Body, StringComparison.Ordinal);
        Assert.Contains("Parliamentary and Health Service Ombudsman", outcome.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letter_sent_by_email_goes_to_the_outbox_in_the_same_save_and_is_kept_exactly_as_sent()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 5, 13));
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        var letterId = await host.RunAsync(async s => await s.GetRequiredService<CaseLetters>().PrepareStepAsync(result.CaseId, (await host.CaseAsync(result.CaseId)).Version, "acknowledge", officer));
        var draft = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().Letters.AsNoTracking().SingleAsync(l => l.Id == letterId));
        var edited = draft.Body.Replace("Thank you for your complaint", "Thank you for your letter and your complaint", StringComparison.Ordinal);

        await host.RunAsync(s => s.GetRequiredService<CaseLetters>().SendAsync(result.CaseId, letterId, draft.Version,
            new LetterEdit(draft.Subject, edited, LetterChannel.Email, draft.RecipientName, draft.RecipientAddress), officer));

        var sent = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().Letters.AsNoTracking().SingleAsync(l => l.Id == letterId));
        var email = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.LetterId == letterId));
        Assert.Equal(LetterStatus.Sent, sent.Status);
        Assert.Equal(edited.TrimEnd() + "\n", sent.Body);
        Assert.Equal((sent.Subject, sent.Body, "ann@example.com", result.CaseId), (email.Subject, email.BodyText, email.ToAddress, email.CaseId));
        Assert.Contains("We aim to send you a full response by Tuesday 4 June 2024 (15 working days", sent.Body, StringComparison.Ordinal);
        Assert.Equal(ComplaintStates.Acknowledged, (await host.CaseAsync(result.CaseId)).State);
        Assert.Equal(new DateOnly(2024, 5, 13), (await host.DeadlineAsync(result.CaseId, "acknowledgement"))!.MetOn);

        var again = await Assert.ThrowsAsync<TransitionRefusedException>(() => host.RunAsync(s => s.GetRequiredService<CaseLetters>().UpdateAsync(result.CaseId, letterId, sent.Version,
            new LetterEdit("Changed", "Changed", LetterChannel.Email, "x", "ann@example.com"), officer)));
        var direct = await Assert.ThrowsAsync<InvalidOperationException>(() => host.RunAsync(async s =>
        {
            var db = s.GetRequiredService<HeardDbContext>();
            var tracked = await db.Letters.SingleAsync(l => l.Id == letterId);
            tracked.Body = "Rewritten after sending";
            await db.SaveChangesAsync();
        }));
        Assert.Equal("This letter has been sent, so it cannot be changed. Write a new letter instead.", again.Message);
        Assert.Equal("A sent letter is kept as it was sent: it cannot be changed or removed.", direct.Message);
    }

    [Fact]
    public async Task Letter_by_post_is_marked_sent_without_an_email_and_one_with_a_part_not_filled_in_cannot_be_sent()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 5, 13));
        var (caseId, manager) = await InvestigationAsync(host);
        var letterId = await host.RunAsync(async s => await s.GetRequiredService<CaseLetters>().WriteAsync(caseId, (await host.CaseAsync(caseId)).Version, "offer-of-conversation", manager));
        var draft = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().Letters.AsNoTracking().SingleAsync(l => l.Id == letterId));

        var unfilled = await Assert.ThrowsAsync<ValidationFailedException>(() => host.RunAsync(s => s.GetRequiredService<CaseLetters>().SendAsync(caseId, letterId, draft.Version,
            new LetterEdit(draft.Subject, draft.Body + "\nSee [[enclosure]].", LetterChannel.Post, draft.RecipientName, "1 High Street\nLeeds LS1 1AA"), manager)));
        await host.RunAsync(s => s.GetRequiredService<CaseLetters>().SendAsync(caseId, letterId, draft.Version,
            new LetterEdit(draft.Subject, draft.Body, LetterChannel.Post, draft.RecipientName, "1 High Street\nLeeds LS1 1AA"), manager));

        Assert.Equal("Body", Assert.Single(unfilled.Errors).Field);
        Assert.Contains("I am Rae Responsible and I am looking into your complaint", draft.Body, StringComparison.Ordinal);
        var sent = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().Letters.AsNoTracking().SingleAsync(l => l.Id == letterId));
        Assert.Equal((LetterStatus.Sent, LetterChannel.Post), (sent.Status, sent.Channel));
        Assert.False(await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().OutboxMessages.AnyAsync(m => m.LetterId == letterId)));
        Assert.Contains(await host.EventsAsync(caseId), e => e.Kind == "letter-sent" && e.Summary == "Letter sent by post: Offer of a conversation");
    }

    [Fact]
    public async Task Childs_letters_are_the_plain_language_versions()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 2, 9));
        var manager = await host.StaffAsync("Sasha Whitfield", Roles.ChildrensComplaintsManager);
        var result = await host.SubmitAsync(ProcedureHost.Child("Sam Jones"));

        var letterId = await host.RunAsync(async s => await s.GetRequiredService<CaseLetters>().PrepareStepAsync(result.CaseId, (await host.CaseAsync(result.CaseId)).Version, "acknowledge", manager));

        var letter = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().Letters.AsNoTracking().SingleAsync(l => l.Id == letterId));
        Assert.Equal(Audience.Child, letter.Audience);
        Assert.StartsWith("Dear Sam\n\nThank you for telling us what you think.", letter.Body, StringComparison.Ordinal);
        Assert.Contains("We will write to you again by Friday 1 March 2024", letter.Body, StringComparison.Ordinal);
        Assert.Empty(LetterTemplates.Unfilled(letter.Body));
    }

    /// <summary>An adult complaint received today, acknowledged, accepted and with a responsible manager who has declared no conflict and offered a conversation.</summary>
    private static async Task<(Guid CaseId, StaffMember Manager)> InvestigationAsync(ProcedureHost host)
    {
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var manager = await host.StaffAsync("Rae Responsible", Roles.ServiceManager);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);
        await host.ApplyAsync(result.CaseId, "accept", officer);
        await host.ApplyAsync(result.CaseId, "start-investigation", officer, new TransitionInput { ManagerId = manager.UserId });
        await host.ApplyAsync(result.CaseId, "declare-conflict", manager, new TransitionInput { ConflictDeclared = false });
        await host.ApplyAsync(result.CaseId, "offer-conversation", manager);
        return (result.CaseId, manager);
    }
}
