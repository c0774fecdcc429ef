using System.Diagnostics;
using Heard.Application.Data;
using Heard.Application.Demo;
using Heard.Application.Letters;
using Heard.Application.Tests.Procedure;
using Heard.Domain.Cases;
using Heard.Domain.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Heard.Application.Tests.Demo;

/// <summary>The demo complaints walk their procedures realistically, quickly and the same way every time.</summary>
public sealed class DemoProcedureTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private sealed record Fingerprint(int Cases, int Events, int Letters, int Remedies, string States, int DueDaySum);

    private static async Task<(ProcedureHost Host, TimeSpan Took)> LoadAsync()
    {
        var host = await ProcedureHost.StartAsync(Today);
        var watch = Stopwatch.StartNew();
        await host.RunAsync(s => DemoData.LoadAsync(s.GetRequiredService<HeardDbContext>(), Today));
        return (host, watch.Elapsed);
    }

    private static Task<Fingerprint> FingerprintAsync(ProcedureHost host) => host.RunAsync(async s =>
    {
        var db = s.GetRequiredService<HeardDbContext>();
        var states = await db.Cases.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var dues = await db.CaseDeadlines.Select(d => d.DueOn).ToListAsync();
        return new Fingerprint(
            await db.Cases.CountAsync(),
            await db.CaseEvents.CountAsync(),
            await db.Letters.CountAsync(),
            await db.Remedies.CountAsync(),
            string.Join(",", states.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}={x.Count}")),
            dues.Sum(d => d.DayNumber % 1000));
    });

    [Fact]
    public async Task Demo_complaints_walk_their_procedures_in_plausible_proportions()
    {
        var (host, took) = await LoadAsync();
        await using var _ = host;
        // How long it took is written out, not asserted: a timed unit test fails on a busy machine, not on a slow change.
        output.WriteLine($"Demo data loaded in {took.TotalSeconds:N1} s on {Environment.GetEnvironmentVariable("HEARD_TEST_PROVIDER") ?? "sqlite"}");

        var db = host.Services.CreateScope().ServiceProvider.GetRequiredService<HeardDbContext>();
        var cases = await db.Cases.AsNoTracking().Where(c => c.Type == CaseType.Complaint).Include(c => c.Issues).ToListAsync();
        var progress = await db.ComplaintProgress.AsNoTracking().ToDictionaryAsync(p => p.CaseId);
        var deadlines = await db.CaseDeadlines.AsNoTracking().ToListAsync();
        var remedies = await db.Remedies.AsNoTracking().ToListAsync();
        var letters = await db.Letters.AsNoTracking().Select(l => l.Body).ToListAsync();
        var investigated = cases.Where(c => c.State is ComplaintStates.Closed or ComplaintStates.ResponseSent && progress[c.Id].ResponseSentOn is not null && progress[c.Id].ResolvedEarly != true).ToList();
        var upheld = investigated.Count(c => c.Issues.Any(i => i.Finding is Finding.Upheld or Finding.PartlyUpheld));
        var children = cases.Where(c => c.Audience == Audience.Child && progress[c.Id].FirstContactOn is not null).ToList();
        var contactOnTime = children.Count(c => deadlines.Single(d => d.CaseId == c.Id && d.Kind == "first-contact") is var d && d.MetOn <= d.DueOn);

        Assert.All(cases, c => Assert.Equal(c.Audience == Audience.Child ? "child-2023@1" : "adult-2023@1", c.PolicyCode));
        Assert.All(investigated, c => Assert.All(c.Issues, i => Assert.True(i.Finding is not null && i.ThemeCode is not null, $"{c.Reference} issue {i.Number}")));
        Assert.InRange(upheld / (double)investigated.Count, 0.25, 0.45);
        Assert.Contains(cases, c => c.State == ComplaintStates.Withdrawn);
        Assert.Contains(cases, c => c.State == ComplaintStates.RefusedOutOfTime);
        Assert.Contains(cases, c => progress[c.Id].EligibilityDecision == "accept-by-discretion");
        Assert.Contains(cases, c => progress[c.Id].ResolvedEarly == true);
        Assert.Contains(cases, c => progress[c.Id].ResolvedEarly == false);
        Assert.Contains(cases, c => progress[c.Id].HoldingLetters > 0);
        Assert.Contains(deadlines, d => d.Kind == "response" && d.MetOn > d.DueOn);
        foreach (var state in new[] { ComplaintStates.Received, ComplaintStates.Acknowledged, ComplaintStates.Investigation, ComplaintStates.Closed })
        {
            Assert.Contains(cases, c => c.State == state);
        }

        Assert.True(contactOnTime > children.Count * 0.8, $"{contactOnTime} of {children.Count} children contacted on time");
        var payments = remedies.Where(r => r.Kind == Heard.Application.Procedure.RemedyKind.FinancialRedress).ToList();
        Assert.NotEmpty(payments);
        Assert.All(payments, p => Assert.InRange(p.Amount!.Value, 100m, 999m));
        Assert.All(payments.Where(p => p.NeedsApproval), p => Assert.NotNull(p.ApprovedAt));
        Assert.All(cases.Where(c => ComplaintStates.Finished.Contains(c.State)), c => Assert.NotNull(c.ClosedAt));
        Assert.DoesNotContain(letters, body => LetterTemplates.Unfilled(body).Count > 0);
        output.WriteLine($"{cases.Count} complaints; {investigated.Count} investigated, {upheld} upheld fully or in part; {payments.Count} payments; {letters.Count} letters");
    }

    [Fact]
    public async Task Demo_data_is_the_same_every_time_for_the_same_day()
    {
        var (first, _) = await LoadAsync();
        await using var a = first;
        var (second, _) = await LoadAsync();
        await using var b = second;

        Assert.Equal(await FingerprintAsync(first), await FingerprintAsync(second));
    }
}
