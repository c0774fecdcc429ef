using Heard.Application.Data;
using Heard.Application.Demo;
using Heard.Application.Identity;
using Heard.Domain.Cases;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Demo;

/// <summary>The demo data looks like the service and is the same every time it is loaded for the same day.</summary>
public sealed class DemoDataTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task Demo_data_is_the_same_on_every_load_for_the_same_day()
    {
        var first = await LoadAndDescribeAsync();
        var second = await LoadAndDescribeAsync();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Demo_data_has_the_shape_of_the_service()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        await DemoData.LoadAsync(db, Today);

        Assert.Equal(19, await db.ServiceAreas.CountAsync());
        Assert.True(await db.Regions.CountAsync() >= 5);
        Assert.True(await db.Teams.CountAsync() >= 19 * 3);
        foreach (var role in Roles.All)
        {
            var holders = await db.UserRoles.Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId).CountAsync();
            Assert.True(holders > 0, $"no demo user holds the role {role}");
        }

        Assert.True(await db.FamilyCourtCases.AnyAsync(f => f.LawType == LawType.Private));
        Assert.True(await db.FamilyCourtCases.AnyAsync(f => f.LawType == LawType.Public));

        // Two whole financial years before this one: about 1,500 adult and 20–30 children's complaints in each.
        for (var year = 2024; year <= 2025; year++)
        {
            var from = new DateOnly(year, 4, 1);
            var to = new DateOnly(year + 1, 3, 31);
            var adults = await db.Cases.CountAsync(c => c.Type == CaseType.Complaint && c.Audience == Audience.Adult && c.ReceivedOn >= from && c.ReceivedOn <= to);
            var children = await db.Cases.CountAsync(c => c.Type == CaseType.Complaint && c.Audience == Audience.Child && c.ReceivedOn >= from && c.ReceivedOn <= to);
            Assert.InRange(adults, 1350, 1650);
            Assert.InRange(children, 12, 40);
        }

        Assert.All(await db.Cases.Select(c => c.Id).Take(50).ToListAsync(), id => Assert.NotEqual(Guid.Empty, id));
        Assert.Equal(await db.Cases.CountAsync(), await db.CaseEvents.Where(e => e.Kind == "received").CountAsync());
    }

    private static async Task<List<string>> LoadAndDescribeAsync()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        await DemoData.LoadAsync(db, Today);
        return await db.Cases.AsNoTracking()
            .OrderBy(c => c.Reference)
            .Select(c => c.Reference + "|" + c.ReceivedOn + "|" + c.State + "|" + c.Person.FullName)
            .ToListAsync();
    }
}
