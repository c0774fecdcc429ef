using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Equality;
using Heard.Application.Intake;
using Heard.Application.Organisation;
using Heard.Domain.Cases;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Equality;

public sealed class EqualityMonitoringTests
{
    private static ComplaintSubmission Complaint(Guid? area, EqualityAnswers? equality) => new()
    {
        FullName = "Amira Khan",
        Role = ComplainantRole.Parent,
        Email = "amira@example.com",
        Issues = ["The report said I missed a meeting I attended."],
        OutcomeWanted = "The report corrected.",
        ServiceAreaId = area,
        LawType = LawType.Private,
        Equality = equality,
    };

    internal static async Task<ServiceArea> AddAreaAsync(HeardDbContext db, string code = "TSA01", string name = "Area A")
    {
        var region = new Region { Id = Guid.CreateVersion7(), Name = "Region " + code };
        var area = new ServiceArea { Id = Guid.CreateVersion7(), Code = code, Name = name, RegionId = region.Id };
        db.Regions.Add(region);
        db.ServiceAreas.Add(area);
        await db.SaveChangesAsync();
        return area;
    }

    [Fact]
    public async Task Equality_answers_are_saved_with_the_complaint_but_hold_only_the_month_area_law_type_and_answers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database, new DateTimeOffset(2026, 5, 14, 9, 30, 0, TimeSpan.Zero));
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var area = await AddAreaAsync(db);
        var answers = new EqualityAnswers { Ethnicity = "black", Disability = "prefer-not-to-say", Sex = "female", AgeBand = "35-44" };

        var result = await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().SubmitAsync(Complaint(area.Id, answers), Channel.Web, Actor.Public, "eq-1");

        Assert.Equal(1, await db.Cases.CountAsync());
        var stored = await db.EqualityResponses.AsNoTracking().SingleAsync();
        Assert.Equal(EqualitySource.AdultComplaint, stored.Source);
        Assert.Equal(new DateOnly(2026, 5, 1), stored.ReceivedMonth);
        Assert.Equal(area.Id, stored.ServiceAreaId);
        Assert.Equal(LawType.Private, stored.LawType);
        Assert.Equal(("black", "prefer-not-to-say", "female", "35-44"), (stored.Ethnicity, stored.Disability, stored.Sex, stored.AgeBand));
        Assert.NotEqual(result.CaseId, stored.Id);
        Assert.Equal(4, stored.Id.Version); // random, not time-ordered like the case's version 7 id
    }

    [Fact]
    public async Task The_equality_table_has_no_column_that_could_lead_back_to_a_case_or_a_person()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();

        var entity = db.Model.FindEntityType(typeof(EqualityResponse))!;
        var columns = entity.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["AgeBand", "Disability", "Ethnicity", "Id", "LawType", "ReceivedMonth", "ServiceAreaId", "Sex", "Source"], columns);
        Assert.DoesNotContain(entity.GetForeignKeys(), fk => fk.PrincipalEntityType.ClrType == typeof(Case));
    }

    [Fact]
    public async Task A_complaint_without_equality_answers_stores_no_equality_row()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();

        await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().SubmitAsync(Complaint(null, new EqualityAnswers()), Channel.Web, Actor.Public, "eq-none");

        Assert.Equal(1, await db.Cases.CountAsync());
        Assert.Equal(0, await db.EqualityResponses.CountAsync());
    }

    [Fact]
    public async Task A_childs_answers_are_counted_as_a_childs_complaint_and_unknown_codes_are_dropped()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var child = new ComplaintSubmission
        {
            Audience = Audience.Child,
            FullName = "Sam",
            Email = "sam@example.com",
            Issues = ["My worker did not listen to me."],
            Equality = new EqualityAnswers { Sex = "male", AgeBand = "not-a-band" },
        };

        await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().SubmitAsync(child, Channel.Web, Actor.Public, "eq-child");

        var stored = await db.EqualityResponses.AsNoTracking().SingleAsync();
        Assert.Equal(EqualitySource.ChildComplaint, stored.Source);
        Assert.Equal("male", stored.Sex);
        Assert.Null(stored.AgeBand);
    }
}
