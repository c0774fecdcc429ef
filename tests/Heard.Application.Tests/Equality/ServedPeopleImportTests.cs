using Heard.Application.Data;
using Heard.Application.Equality;
using Heard.Domain.Cases;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Equality;

public sealed class ServedPeopleImportTests
{
    private const string Header = "case_number,area,law_type,started_on,ended_on,ethnicity,disability,sex,age_band";

    [Fact]
    public async Task Bad_lines_are_reported_by_line_number_and_nothing_is_imported()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        await EqualityMonitoringTests.AddAreaAsync(db);
        var csv = string.Join('\n',
            Header,
            "MA24P00001,TSA01,private,2024-04-01,,white,no,female,35-44",
            "MA24P00001,Nowhere,private,2024-04-01,,white,no,male,38",
            "MA24C00002,Area A,public,2024-05-01,2025-01-31,\"Black, Black British, Caribbean or African\",yes,female,under-10",
            "MA24C00002,TSA01,public,01/05/2024,,purple,no,female,4");

        var result = await scope.ServiceProvider.GetRequiredService<ServedPeopleImport>().ImportAsync(new StringReader(csv));

        Assert.False(result.Imported);
        Assert.Equal([3, 5, 5], result.Problems.Select(p => p.Line));
        Assert.Contains("Nowhere", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("2024-04-01", result.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("purple", result.Problems[2].Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.ServedPeople.CountAsync());
    }

    [Fact]
    public async Task A_file_with_personal_columns_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        await EqualityMonitoringTests.AddAreaAsync(db);

        var result = await scope.ServiceProvider.GetRequiredService<ServedPeopleImport>().ImportAsync(
            new StringReader(Header + ",full_name\nMA24P00001,TSA01,private,2024-04-01,,white,no,female,35-44,Jo Bloggs"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("full_name", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.ServedPeople.CountAsync());
    }

    [Fact]
    public async Task A_good_file_is_imported_and_importing_a_case_again_replaces_its_people()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var area = await EqualityMonitoringTests.AddAreaAsync(db);
        var import = scope.ServiceProvider.GetRequiredService<ServedPeopleImport>();

        var first = await import.ImportAsync(new StringReader(string.Join('\n',
            Header,
            "ma24p00001,TSA01,private,2024-04-01,,white,no,female,35-44",
            "MA24P00001,TSA01,private,2024-04-01,,White,No,Male,38",
            "MA24C00002,Area A,public,2024-05-01,2025-01-31,asian,,,7")));
        var again = await import.ImportAsync(new StringReader(Header + "\nMA24P00001,TSA01,private,2024-04-01,2025-02-01,mixed,yes,female,25-34\n"));

        Assert.Equal((3, 2, 0), (first.People, first.Cases, first.Replaced));
        Assert.Equal((1, 1, 2), (again.People, again.Cases, again.Replaced));
        var people = await db.ServedPeople.AsNoTracking().OrderBy(p => p.CourtCaseNumber).ToListAsync();
        Assert.Equal(["MA24C00002", "MA24P00001"], people.Select(p => p.CourtCaseNumber));
        Assert.Equal(("asian", (string?)null, "under-10", LawType.Public, area.Id), (people[0].Ethnicity, people[0].Sex, people[0].AgeBand, people[0].LawType, people[0].ServiceAreaId));
        Assert.Equal(("mixed", new DateOnly(2025, 2, 1)), (people[1].Ethnicity, people[1].EndedOn!.Value));
    }
}
