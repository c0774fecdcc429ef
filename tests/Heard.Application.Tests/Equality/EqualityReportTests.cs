using Heard.Application.Data;
using Heard.Application.Equality;
using Heard.Domain.Cases;
using Heard.Domain.Reporting;
using Heard.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Equality;

public sealed class EqualityReportTests
{
    private static readonly ReportPeriod Q1 = ReportPeriod.Quarter(2025, 1); // April to June 2025

    private static void Respond(HeardDbContext db, int count, string? ethnicity, DateOnly month, EqualitySource source = EqualitySource.AdultComplaint)
    {
        for (var i = 0; i < count; i++)
        {
            db.EqualityResponses.Add(new EqualityResponse { Id = Guid.NewGuid(), Source = source, ReceivedMonth = month, Ethnicity = ethnicity });
        }
    }

    private static void Serve(HeardDbContext db, Guid area, int count, string? ethnicity, DateOnly started, DateOnly? ended = null)
    {
        for (var i = 0; i < count; i++)
        {
            db.ServedPeople.Add(new ServedPerson
            {
                Id = Guid.NewGuid(),
                CourtCaseNumber = $"MA25P{i:00000}",
                ServiceAreaId = area,
                LawType = LawType.Private,
                StartedOn = started,
                EndedOn = ended,
                Ethnicity = ethnicity,
            });
        }
    }

    [Fact]
    public async Task Complainants_and_people_served_by_ethnic_group_give_known_counts_shares_rates_and_flags()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var area = await EqualityMonitoringTests.AddAreaAsync(db);
        var april = new DateOnly(2025, 4, 1);
        var june = new DateOnly(2025, 6, 1);
        Respond(db, 12, "asian", april);
        Respond(db, 3, "black", june);
        Respond(db, 20, "white", april);
        Respond(db, 10, "white", june, EqualitySource.ChildComplaint);
        Respond(db, 5, "other", april);
        Respond(db, 6, "prefer-not-to-say", april);
        Respond(db, 7, "white", new DateOnly(2025, 3, 1));                        // before the quarter
        Respond(db, 9, "white", june, EqualitySource.Compliment);                  // not a complaint
        Serve(db, area.Id, 100, "asian", new DateOnly(2024, 1, 1));
        Serve(db, area.Id, 300, "black", new DateOnly(2025, 6, 30));
        Serve(db, area.Id, 50, "mixed", new DateOnly(2023, 1, 1), new DateOnly(2025, 4, 1));
        Serve(db, area.Id, 600, "white", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        Serve(db, area.Id, 50, "other", new DateOnly(2025, 5, 5));
        Serve(db, area.Id, 20, "white", new DateOnly(2024, 1, 1), new DateOnly(2025, 3, 31)); // ended before
        Serve(db, area.Id, 10, "white", new DateOnly(2025, 7, 1));                            // started after
        await db.SaveChangesAsync();

        var report = await scope.ServiceProvider.GetRequiredService<EqualityReport>().BuildAsync(Q1);

        Assert.Equal(56, report.ComplainantsAnswering.Count);
        Assert.Equal(1100, report.ServedPeople.Count);
        var ethnicity = report.Tables.Single(t => t.Question.Key == "ethnicity");
        Assert.Equal(
            ["asian", "black", "mixed", "white", "other", "prefer-not-to-say", EqualityReportResult.NotAnsweredCode],
            ethnicity.Rows.Select(r => r.Code));
        // 3 is fewer than 5; "other" (5, the next smallest non-zero) is withheld so 3 cannot be found from the total.
        Assert.Equal(["12", SmallNumbers.FewerThanFive, "0", "30", SmallNumbers.Withheld, "6", "0"], ethnicity.Rows.Select(r => r.Complainants.Display));
        Assert.Equal(56, ethnicity.ComplainantsTotal.Count);
        Assert.Equal(["100", "300", "50", "600", "50", "0", "0"], ethnicity.Rows.Select(r => r.Served.Display));
        Assert.Equal(1100, ethnicity.ServedTotal.Count);
        Assert.Equal(12.0 / 56, ethnicity.Rows[0].ComplainantShare!.Value, 12);
        Assert.Equal(600.0 / 1100, ethnicity.Rows[3].ServedShare!.Value, 12);
        Assert.Null(ethnicity.Rows[1].ComplainantShare);
        // Rates per 1,000 served: asian 12/100, mixed 0/50, white 30/600; hidden counts have no rate.
        Assert.Equal([120.0, null, 0.0, 50.0, null, null, null], ethnicity.Rows.Select(r => r.RatePerThousand));
        Assert.Equal(1000.0 * 50 / 1100, ethnicity.OverallRatePerThousand!.Value, 9);
        // Black: 3 against about 13.6 expected (300 × 50/1100) is significantly low after Holm; mixed (0 of 2.3) is not.
        Assert.Equal([false, true, false, false, false, false, false], ethnicity.Rows.Select(r => r.SignificantlyLow));
        Assert.Equal([true, true, true, true, true, false, false], ethnicity.Rows.Select(r => r.Compared));
        var sex = report.Tables.Single(t => t.Question.Key == "sex");
        Assert.Equal("56", sex.Rows.Single(r => r.Code == EqualityReportResult.NotAnsweredCode).Complainants.Display);
    }

    [Fact]
    public async Task A_period_with_fewer_than_five_complainants_suppresses_every_count_and_the_total()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        Respond(db, 2, "white", new DateOnly(2025, 5, 1));
        Respond(db, 1, "asian", new DateOnly(2025, 5, 1));
        await db.SaveChangesAsync();

        var report = await scope.ServiceProvider.GetRequiredService<EqualityReport>().BuildAsync(Q1);

        Assert.Equal(SmallNumbers.FewerThanFive, report.ComplainantsAnswering.Display);
        Assert.All(report.Tables, t => Assert.False(t.ComplainantsTotal.Shown));
        Assert.All(report.Tables.SelectMany(t => t.Rows), r => Assert.True(r.Complainants.Count is null or 0));
    }
}
