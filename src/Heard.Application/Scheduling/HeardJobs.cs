using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Email;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Heard.Application.Scheduling;

/// <summary>Sends what is waiting in the outbox (every 30 seconds).</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(cancellationToken);
    }
}

/// <summary>Each working morning, one email to each handler of what falls due.</summary>
[DisallowConcurrentExecution]
public sealed class DailyReminderJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().QueueDailyRemindersAsync(cancellationToken);
    }
}

/// <summary>Each working morning, overdue deadlines escalated to the handler's manager.</summary>
[DisallowConcurrentExecution]
public sealed class OverdueEscalationJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().EscalateOverdueAsync(cancellationToken);
    }
}

/// <summary>
/// Each night, every open deadline recomputed with the calendar in force: a clock still stopped moves its deadline
/// on by a day, and a calendar change made on another instance is caught up. Calendar changes made through
/// <see cref="CalendarAdministration"/> recompute at once in their own transaction; this is the safety net.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineRecomputeJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var calendar = await services.GetRequiredService<CalendarStore>().CurrentAsync(cancellationToken);
        await services.GetRequiredService<CaseDeadlines>().RecomputeOpenAsync(calendar, Actor.System, "Nightly recomputation of open deadlines", cancellationToken);
        await services.GetRequiredService<HeardDbContext>().SaveChangesAsync(cancellationToken);
    }
}
