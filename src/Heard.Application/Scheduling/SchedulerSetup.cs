using System.Reflection;
using Heard.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Heard.Application.Scheduling;

/// <summary>Scheduler settings (<c>Heard:Scheduler</c>).</summary>
public sealed class SchedulerSettings
{
    public const string Section = "Heard:Scheduler";

    /// <summary>Off in tests that do not need scheduled work; on everywhere else.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle scheduler waits before looking for due triggers again (Quartz's default).</summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Cron expressions, in London time.</summary>
    public string DailyRemindersCron { get; set; } = "0 0 7 ? * MON-FRI";
    public string EscalationCron { get; set; } = "0 30 7 ? * MON-FRI";
    public string RecomputeCron { get; set; } = "0 15 1 * * ?";
}

/// <summary>
/// Quartz.NET with its ADO.NET job store in Heard's own database: SQLite (one instance) or PostgreSQL (clustered,
/// so several Heard instances share the work and each firing runs on one of them only).
/// </summary>
public static class SchedulerSetup
{
    public const string SchedulerName = "Heard";
    public const string TablePrefix = "QRTZ_";

    public static IServiceCollection AddHeardScheduler(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        var settings = configuration.GetSection(SchedulerSettings.Section).Get<SchedulerSettings>() ?? new SchedulerSettings();
        services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return services;
        }

        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerName;
                o.IdleWaitTime = settings.IdleWait;
            });
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o => o.TablePrefix = TablePrefix);
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }
            });
            q.ScheduleJob<OutboxDispatchJob>(t => t.WithIdentity("outbox-dispatch").WithSimpleSchedule(settings.OutboxInterval));
            q.ScheduleJob<DailyReminderJob>(t => t.WithIdentity("daily-reminders").WithCronSchedule(settings.DailyRemindersCron, c => c.InTimeZone(london)));
            q.ScheduleJob<OverdueEscalationJob>(t => t.WithIdentity("overdue-escalation").WithCronSchedule(settings.EscalationCron, c => c.InTimeZone(london)));
            q.ScheduleJob<DeadlineRecomputeJob>(t => t.WithIdentity("deadline-recompute").WithCronSchedule(settings.RecomputeCron, c => c.InTimeZone(london)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>
/// Creates Quartz's tables (prefix <see cref="SchedulerSetup.TablePrefix"/>) from the DDL Quartz itself ships for
/// each database: the create-if-missing script embedded in the Quartz assembly, which only ever creates what is
/// missing. Run at every start, like the migrations, whether or not this instance runs the scheduler.
/// </summary>
public static class QuartzSchema
{
    private const string Separator = "--;;";

    public static async Task EnsureAsync(HeardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var script = Script(db.IsPostgres ? "postgres" : "sqlite");
        var prefix = SchedulerSetup.TablePrefix;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres)
        {
            // Two instances starting together would otherwise race to create the same tables.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4805216)", cancellationToken);
        }

        foreach (var statement in Statements(script))
        {
            // The script's own placeholders: {0} the prefix, {1} the prefix without a schema qualifier.
            await db.Database.ExecuteSqlRawAsync(statement.Replace("{0}", prefix, StringComparison.Ordinal).Replace("{1}", prefix, StringComparison.Ordinal), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The script's statements: separated by lines reading exactly "--;;", comment lines dropped.</summary>
    public static IEnumerable<string> Statements(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var current = new List<string>();
        foreach (var raw in script.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim() == Separator)
            {
                if (Flush() is { } statement)
                {
                    yield return statement;
                }

                continue;
            }

            if (!line.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                current.Add(line);
            }
        }

        if (Flush() is { } last)
        {
            yield return last;
        }

        string? Flush()
        {
            var text = string.Join('\n', current).Trim();
            current.Clear();
            return text.Length == 0 ? null : text;
        }
    }

    public static string Script(string dialect)
    {
        var name = $"Quartz.Impl.AdoJobStore.Schema.create_{dialect}.sql";
        var assembly = typeof(IScheduler).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The Quartz assembly has no embedded schema '{name}'. Resources: {string.Join(", ", assembly.GetManifestResourceNames())}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
