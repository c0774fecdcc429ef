using System.Collections.Concurrent;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Email;
using Heard.Application.Scheduling;
using Heard.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Heard.Web.Tests.Workspace;

// Quartz.NET with its ADO.NET store in Heard's database: jobs persist across restarts, run once across a
// PostgreSQL cluster, and the scheduled dispatcher sends the outbox over a real SMTP conversation.
public sealed class SchedulerTests
{
    [Fact]
    public async Task Scheduled_jobs_and_triggers_survive_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var probe = new TriggerKey("restart-probe-" + Guid.NewGuid().ToString("N"));
        var fireAt = DateTimeOffset.UtcNow.AddDays(30);

        await using (var first = Scheduled(database))
        {
            var scheduler = await SchedulerOf(first);
            await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity(probe).ForJob("outbox-dispatch").StartAt(fireAt).Build());
        }

        await using var second = Scheduled(database);
        var restarted = await SchedulerOf(second);
        var trigger = await restarted.GetTrigger(probe);
        var jobs = await restarted.GetJobKeys(GroupMatcher<JobKey>.AnyGroup());

        Assert.NotNull(trigger);
        Assert.Equal(fireAt.ToUnixTimeSeconds(), trigger.NextFireTimeUtc!.Value.ToUnixTimeSeconds());
        Assert.Superset(new HashSet<string> { "outbox-dispatch", "daily-reminders", "overdue-escalation", "deadline-recompute" }, jobs.Select(j => j.Name).ToHashSet());
        Assert.True((await restarted.GetMetadata()).JobStorePersistent);
    }

    [Fact]
    public async Task A_job_fires_once_with_two_Heard_instances_on_one_PostgreSQL_and_SQLite_runs_one_unclustered_instance()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = Scheduled(database);
        var schedulerA = await SchedulerOf(first);
        if (database.Provider == TestDatabase.Sqlite)
        {
            // SQLite is the single-instance database: its scheduler does not pretend to cluster.
            Assert.False((await schedulerA.GetMetadata()).JobStoreClustered);
            return;
        }

        await using var second = Scheduled(database);
        var schedulerB = await SchedulerOf(second);
        var job = new JobKey("probe-" + Guid.NewGuid().ToString("N"));
        ProbeJob.Firings.Clear();

        await schedulerA.ScheduleJob(
            JobBuilder.Create<ProbeJob>().WithIdentity(job).Build(),
            TriggerBuilder.Create().WithIdentity(job.Name).StartAt(DateTimeOffset.UtcNow.AddSeconds(3)).Build());
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!ProbeJob.Firings.ContainsKey(job.Name) && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }

        // Both instances poll every second: a second firing would have happened by now.
        await Task.Delay(TimeSpan.FromSeconds(8));

        Assert.True((await schedulerA.GetMetadata()).JobStoreClustered);
        Assert.True((await schedulerB.GetMetadata()).JobStoreClustered);
        Assert.NotEqual(schedulerA.SchedulerInstanceId, schedulerB.SchedulerInstanceId);
        Assert.True(ProbeJob.Firings.TryGetValue(job.Name, out var firings), "the job never fired");
        Assert.Single(firings);
    }

    [Fact]
    public async Task The_scheduled_dispatcher_sends_an_acknowledgement_from_the_outbox_over_smtp()
    {
        await using var smtp = new SmtpTestServer();
        await using var database = await TestDatabase.CreateAsync();
        await using var app = Scheduled(database);
        app.Settings["Heard:Email:Host"] = "127.0.0.1";
        app.Settings["Heard:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Heard:Email:Security"] = "None";
        app.Settings["Heard:Email:PickupFolder"] = "";
        app.Settings["Heard:Scheduler:OutboxInterval"] = "00:00:01";
        Guid messageId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            var world = await WorkspaceWorld.CreateAsync(db, new DateOnly(2026, 3, 2));
            var @case = await db.Cases.FindAsync(world.AdultComplaintA.Id);
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            messageId = outbox.Enqueue("letter", "priya.q@example.com", "Priya Quartermain", "We have your complaint", "Dear Priya, we have your complaint.", @case!.Id, Guid.NewGuid()).MessageId;
            scope.ServiceProvider.GetRequiredService<CaseHistory>().Record(@case, Actor.System, "acknowledged", "Acknowledgement written");
            await db.SaveChangesAsync();
        }

        await smtp.WaitForAsync(1, TimeSpan.FromSeconds(60));

        var email = Assert.Single(smtp.Received);
        Assert.Equal(["priya.q@example.com"], email.To);
        Assert.Equal($"<{messageId:N}@heard.example>", email.Header("Message-ID"));
        Assert.Contains("we have your complaint", email.Data, StringComparison.Ordinal);
    }

    private static HeardAppFactory Scheduled(TestDatabase database)
    {
        var app = HeardAppFactory.OnDatabase(database);
        app.Settings["Heard:Scheduler:Enabled"] = "true";
        app.Settings["Heard:DemoData:Enabled"] = "false";
        app.Settings["Heard:Scheduler:IdleWait"] = "00:00:01";
        app.Settings["Heard:Scheduler:OutboxInterval"] = "01:00:00";
        return app;
    }

    private static async Task<IScheduler> SchedulerOf(HeardAppFactory app)
    {
        var factory = app.Services.GetRequiredService<ISchedulerFactory>();
        return await factory.LookupScheduler(SchedulerSetup.SchedulerName)
            ?? throw new InvalidOperationException("No Heard scheduler.");
    }

    /// <summary>A job that records each firing, whichever instance runs it.</summary>
    public sealed class ProbeJob : IJob
    {
        public static ConcurrentDictionary<string, ConcurrentBag<string>> Firings { get; } = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(context);
            Firings.GetOrAdd(context.JobDetail.Key.Name, _ => []).Add(context.Scheduler.SchedulerInstanceId);
            return ValueTask.CompletedTask;
        }
    }
}
