using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Demo;
using Heard.Domain.Cases;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Equality;

public sealed class EqualityDemoDataTests
{
    private static async Task<List<string>> LoadAsync()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var area = await EqualityMonitoringTests.AddAreaAsync(db);
        for (var i = 0; i < 300; i++)
        {
            db.FamilyCourtCases.Add(new FamilyCourtCase
            {
                Id = Guid.CreateVersion7(),
                CaseNumber = $"MA25P{i:00000}",
                LawType = i % 5 == 0 ? LawType.Public : LawType.Private,
                ServiceAreaId = area.Id,
                ChildrenCount = 1 + (i % 3),
                StartedOn = new DateOnly(2025, 4, 1).AddDays(i),
            });
        }

        await db.SaveChangesAsync();

        await EqualityDemoData.LoadAsync(db, CancellationToken.None);

        return await db.ServedPeople.AsNoTracking()
            .OrderBy(p => p.CourtCaseNumber).ThenBy(p => p.Ethnicity).ThenBy(p => p.Sex).ThenBy(p => p.AgeBand).ThenBy(p => p.Disability)
            .Select(p => $"{p.CourtCaseNumber}|{p.Ethnicity}|{p.Disability}|{p.Sex}|{p.AgeBand}")
            .ToListAsync();
    }

    [Fact]
    public async Task Demo_people_served_are_two_adults_and_the_children_of_each_case_in_plausible_proportions_the_same_every_time()
    {
        var first = await LoadAsync();
        var second = await LoadAsync();

        // 300 cases: 100 each with 1, 2 and 3 children, and two adults each.
        Assert.Equal((300 * 2) + 100 + 200 + 300, first.Count);
        Assert.Equal(first, second);
        var white = first.Count(p => p.Split('|')[1] == "white") / (double)first.Count;
        Assert.InRange(white, 0.6, 0.85);
        Assert.Contains(first, p => p.Split('|')[1] == "black");
    }
}
