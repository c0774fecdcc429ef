using Heard.Application.Intake;
using Heard.Application.Records;
using Heard.Application.SubjectAccess;
using Heard.Domain.Cases;
using Heard.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Tests.Records;

public sealed class SubjectAccessTests
{
    private static SarSubmission Own(string name = "Priya Patel", string email = "priya.patel@example.com", DateOnly? identityOn = null) => new()
    {
        RequesterName = name,
        RequesterEmail = email,
        Relationship = SubjectRelationship.Self,
        RequestDetails = "Everything you hold about me and my family court case.",
        IdentityConfirmedOn = identityOn,
        IdentityEvidence = identityOn is null ? null : "Passport and a council tax bill",
    };

    private static async Task<(Guid Id, global::Heard.Application.Deadlines.CaseDeadline? Deadline, int Version, string State)> ReadAsync(RecordsHost host, Guid id) =>
        await host.RunAsync(async s =>
        {
            var c = await s.Db.Cases.AsNoTracking().FirstAsync(x => x.Id == id);
            var d = await s.Db.CaseDeadlines.AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == id && x.Kind == RecordDeadlineKinds.SarResponse);
            return (id, d, c.Version, c.State);
        });

    private static Task<Guid> SubmitAsync(RecordsHost host, SarSubmission submission, DateOnly? receivedOn = null) =>
        host.RunAsync(async s => (await s.Get<SarIntake>().SubmitAsync(submission, Channel.Email, RecordsHost.Officer, Guid.NewGuid().ToString("N"), receivedOn)).CaseId);

    [Fact]
    public async Task Sar_received_31_January_2024_is_due_on_the_last_day_of_February_and_says_why()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 1, 31));

        var id = await SubmitAsync(host, Own(identityOn: new DateOnly(2024, 1, 31)));

        var (_, deadline, _, state) = await ReadAsync(host, id);
        Assert.Equal(RecordStates.InProgress, state);
        Assert.Equal("calendar-months:1", deadline!.Rule);
        Assert.Equal(new DateOnly(2024, 2, 29), deadline.DueOn);
        Assert.Equal(
            "1 calendar month from Wednesday 31 January 2024 runs to the last day of February, as it has no 31st; due Thursday 29 February 2024.",
            deadline.Explanation);
    }

    [Fact]
    public async Task Sar_clock_starts_when_identity_is_confirmed_and_stops_while_waiting_for_clarification()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 1, 31));
        var id = await SubmitAsync(host, Own());
        var waiting = await ReadAsync(host, id);
        var queueWhileWaiting = await host.RunAsync(s => s.Get<TeamQueues>().SubjectAccessAsync());

        host.Clock.Today = new DateOnly(2024, 2, 12);
        await host.RunAsync(s => s.Get<SarHandling>().ConfirmIdentityAsync(id, waiting.Version, new DateOnly(2024, 2, 12), "Driving licence", RecordsHost.Officer));
        var started = await ReadAsync(host, id);

        host.Clock.Today = new DateOnly(2024, 2, 20);
        await host.RunAsync(s => s.Get<SarHandling>().AskForClarificationAsync(id, started.Version, new DateOnly(2024, 2, 20), "Which years of records they want", RecordsHost.Officer));
        var paused = await ReadAsync(host, id);
        host.Clock.Today = new DateOnly(2024, 2, 27);
        await host.RunAsync(s => s.Get<SarHandling>().ClarificationReceivedAsync(id, paused.Version, new DateOnly(2024, 2, 27), RecordsHost.Officer));
        var restarted = await ReadAsync(host, id);

        Assert.Null(waiting.Deadline);
        Assert.Equal(RecordStates.AwaitingIdentity, waiting.State);
        Assert.Contains("Clock not started: waiting for proof of identity", queueWhileWaiting.Rows.Single(r => r.Id == id).Flags);
        // One month from the day identity was confirmed, not from receipt.
        Assert.Equal(new DateOnly(2024, 2, 12), started.Deadline!.StartsOn);
        Assert.Equal(new DateOnly(2024, 3, 12), started.Deadline.DueOn);
        Assert.Equal(RecordStates.AwaitingClarification, paused.State);
        // Stopped 20 to 27 February: seven calendar days added.
        Assert.Equal(RecordStates.InProgress, restarted.State);
        Assert.Equal(new DateOnly(2024, 3, 19), restarted.Deadline!.DueOn);
        Assert.Contains("paused from Tuesday 20 February 2024 until Tuesday 27 February 2024 (waiting for clarification: Which years of records they want), adding 7 calendar days", restarted.Deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sar_extended_within_the_first_month_with_reasons_is_due_three_months_from_the_start()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 1, 31));
        var id = await SubmitAsync(host, Own(identityOn: new DateOnly(2024, 1, 31)));
        var before = await ReadAsync(host, id);
        host.Clock.Today = new DateOnly(2024, 2, 20);

        await host.RunAsync(s => s.Get<SarHandling>().ExtendAsync(id, before.Version, new DateOnly(2024, 2, 20), "Records span three court cases and need third-party redaction", RecordsHost.Officer));

        var after = await ReadAsync(host, id);
        Assert.Equal(new DateOnly(2024, 4, 30), after.Deadline!.DueOn);
        Assert.Contains("extended by 2 calendar months", after.Deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sar_extension_after_the_first_month_is_refused_and_nothing_changes()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 1, 31));
        var id = await SubmitAsync(host, Own(identityOn: new DateOnly(2024, 1, 31)));
        var before = await ReadAsync(host, id);
        host.Clock.Today = new DateOnly(2024, 3, 1);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => host.RunAsync(s =>
            s.Get<SarHandling>().ExtendAsync(id, before.Version, new DateOnly(2024, 3, 1), "Complex", RecordsHost.Officer)));

        var after = await ReadAsync(host, id);
        Assert.Contains(refused.Errors, e => e.Field == "ToldOn" && e.Message.Contains("within the first month, by Thursday 29 February 2024", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2024, 2, 29), after.Deadline!.DueOn);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Sar_extension_without_reasons_is_refused()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 1, 31));
        var id = await SubmitAsync(host, Own(identityOn: new DateOnly(2024, 1, 31)));
        var before = await ReadAsync(host, id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => host.RunAsync(s =>
            s.Get<SarHandling>().ExtendAsync(id, before.Version, new DateOnly(2024, 1, 31), "  ", RecordsHost.Officer)));

        Assert.Contains(refused.Errors, e => e.Field == "Reasons");
        Assert.Empty((await ReadAsync(host, id)).Deadline!.Extensions);
    }

    [Fact]
    public async Task Sar_received_before_25_May_2018_has_40_calendar_days_and_no_extension()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2018, 3, 1));
        var id = await SubmitAsync(host, Own(identityOn: new DateOnly(2018, 3, 1)));
        var read = await ReadAsync(host, id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => host.RunAsync(s =>
            s.Get<SarHandling>().ExtendAsync(id, read.Version, new DateOnly(2018, 3, 1), "Complex", RecordsHost.Officer)));

        Assert.Equal("calendar-days:40", read.Deadline!.Rule);
        Assert.Equal(new DateOnly(2018, 4, 10), read.Deadline.DueOn);
        Assert.StartsWith("40 calendar days from Thursday 1 March 2018", read.Deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains(refused.Errors, e => e.Message.Contains("Data Protection Act 1998", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sar_received_on_25_May_2018_has_one_calendar_month()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2018, 5, 25));

        var id = await SubmitAsync(host, Own(identityOn: new DateOnly(2018, 5, 25)));

        Assert.Equal("calendar-months:1", (await ReadAsync(host, id)).Deadline!.Rule);
    }

    [Fact]
    public async Task Disclosure_meets_the_deadline_and_closes_the_request()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 1, 31));
        var id = await SubmitAsync(host, Own(identityOn: new DateOnly(2024, 1, 31)));
        var before = await ReadAsync(host, id);
        host.Clock.Today = new DateOnly(2024, 2, 26);

        await host.RunAsync(s => s.Get<SarHandling>().RecordDisclosureAsync(id, before.Version, new DateOnly(2024, 2, 26), 212, ["third-party", "social-work-serious-harm"], null, RecordsHost.Officer));

        var after = await ReadAsync(host, id);
        var sar = await host.RunAsync(s => s.Db.SubjectAccessRequests.AsNoTracking().FirstAsync(x => x.CaseId == id));
        Assert.Equal(RecordStates.Disclosed, after.State);
        Assert.Equal(new DateOnly(2024, 2, 26), after.Deadline!.MetOn);
        Assert.Equal(212, sar.PagesDisclosed);
        Assert.Equal(["third-party", "social-work-serious-harm"], sar.Exemptions);
    }

    [Fact]
    public async Task A_change_based_on_an_old_version_is_refused()
    {
        await using var host = await RecordsHost.StartAsync(new DateOnly(2024, 1, 31));
        var id = await SubmitAsync(host, Own());
        var seen = await ReadAsync(host, id);
        await host.RunAsync(s => s.Get<SarHandling>().ConfirmIdentityAsync(id, seen.Version, new DateOnly(2024, 1, 31), "Passport", RecordsHost.Officer));

        await Assert.ThrowsAsync<StaleCaseException>(() => host.RunAsync(s =>
            s.Get<SarHandling>().RecordIcoComplaintAsync(id, seen.Version, new DateOnly(2024, 1, 31), "IC-1", null, null, RecordsHost.Officer)));

        var sar = await host.RunAsync(s => s.Db.SubjectAccessRequests.AsNoTracking().FirstAsync(x => x.CaseId == id));
        Assert.Null(sar.IcoComplaintOn);
    }
}
