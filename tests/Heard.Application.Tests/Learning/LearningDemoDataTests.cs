using Heard.Application.Data;
using Heard.Application.Demo;
using Heard.Application.Learning;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Learning;

/// <summary>The demo's learning actions look like the service: on closed complaints, done with evidence, some open and overdue.</summary>
public sealed class LearningDemoDataTests
{
    [Fact]
    public async Task Demo_learning_actions_are_on_closed_complaints_with_evidence_when_done_and_some_overdue()
    {
        var today = new DateOnly(2026, 11, 23);
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();

        await DemoData.LoadAsync(db, today);

        var actions = await db.LearningActions.AsNoTracking().ToListAsync();
        var byStatus = actions.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(actions.Count > 100, $"only {actions.Count} demo learning actions");
        Assert.True(byStatus.GetValueOrDefault(LearningActionStatus.Done) > byStatus.GetValueOrDefault(LearningActionStatus.Open), "most demo actions should be done");
        Assert.True(byStatus.GetValueOrDefault(LearningActionStatus.Cancelled) > 0);
        Assert.Contains(actions, a => a.IsOverdue(today));
        Assert.Contains(actions, a => a.Status == LearningActionStatus.Open && !a.IsOverdue(today));
        Assert.All(actions.Where(a => a.Status == LearningActionStatus.Done), a => Assert.False(string.IsNullOrWhiteSpace(a.Evidence)));
        Assert.All(actions.Where(a => a.ClosedOn is not null), a => Assert.True(a.ClosedOn < today && a.ClosedOn > a.CreatedOn));
        Assert.Equal(0, await db.LearningActions.CountAsync(a => db.Cases.Any(c => c.Id == a.CaseId && c.ClosedAt == null)));
        Assert.Equal(actions.Count, await db.CaseEvents.CountAsync(e => e.Kind == "learning-action-added"));
        Assert.Equal(4, actions.Select(a => a.Level).Distinct().Count());
    }
}
