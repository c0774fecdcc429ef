using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Intake;

public sealed class ComplaintIntakeTests
{
    private static ComplaintSubmission Valid() => new()
    {
        FullName = "Amira Khan",
        Role = ComplainantRole.Parent,
        Email = "amira@example.com",
        Issues = ["The report said I missed a meeting I attended.", "   ", "Nobody returned my calls."],
        OutcomeWanted = "The report corrected.",
    };

    [Fact]
    public async Task A_submission_becomes_a_received_case_with_its_issues_and_first_event()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database, new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero));
        await using var scope = services.Scope();
        var intake = scope.ServiceProvider.GetRequiredService<ComplaintIntake>();

        var result = await intake.SubmitAsync(Valid(), Channel.Web, Actor.Public, "key-1");

        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var stored = await db.Cases.AsNoTracking().Include(c => c.Issues).SingleAsync(c => c.Id == result.CaseId);
        Assert.True(result.Created);
        Assert.Equal("received", stored.State);
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): the day of receipt is the English date.
        Assert.Equal(new DateOnly(2026, 7, 1), stored.ReceivedOn);
        Assert.Equal(["The report said I missed a meeting I attended.", "Nobody returned my calls."], stored.Issues.OrderBy(i => i.Number).Select(i => i.Description));
        var first = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == result.CaseId).OrderBy(e => e.Id).FirstAsync();
        Assert.Equal("received", first.Kind);
        Assert.Equal("Received by online form", first.Summary);
        Assert.Equal(Actor.PublicRole, first.ActorRole);
    }

    [Fact]
    public async Task The_same_key_twice_returns_the_first_case_and_makes_no_second()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        IntakeResult first;
        await using (var scope = services.Scope())
        {
            first = await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().SubmitAsync(Valid(), Channel.Web, Actor.Public, "same");
        }

        await using var again = services.Scope();
        var second = await again.ServiceProvider.GetRequiredService<ComplaintIntake>().SubmitAsync(Valid(), Channel.Web, Actor.Public, "same");

        Assert.False(second.Created);
        Assert.Equal(first.CaseId, second.CaseId);
        Assert.Equal(1, await again.ServiceProvider.GetRequiredService<HeardDbContext>().Cases.CountAsync());
    }

    [Fact]
    public async Task An_invalid_submission_is_refused_with_every_problem_and_nothing_is_saved()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var intake = scope.ServiceProvider.GetRequiredService<ComplaintIntake>();
        var bad = new ComplaintSubmission { FullName = " ", Email = "not-an-email", Issues = [new string('x', 5001)] };

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => intake.SubmitAsync(bad, Channel.Web, Actor.Public, "bad"));

        Assert.Contains(refused.Errors, e => e.Field == "FullName");
        Assert.Contains(refused.Errors, e => e.Field == "Role");
        Assert.Contains(refused.Errors, e => e.Field == "Email" && e.Message.Contains("correct format", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.Field == "Issues[0]" && e.Message.Contains("5,000", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.Field == "OutcomeWanted");
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HeardDbContext>().Cases.CountAsync());
    }

    [Fact]
    public async Task A_known_court_case_number_links_the_case_to_its_area_law_type_and_practitioner()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var region = new Organisation.Region { Id = Guid.NewGuid(), Name = "North" };
        var area = new Organisation.ServiceArea { Id = Guid.NewGuid(), Code = "OSA03", Name = "Greater Manchester", RegionId = region.Id };
        db.AddRange(region, area, new FamilyCourtCase { Id = Guid.NewGuid(), CaseNumber = "MA24P01234", LawType = LawType.Public, ServiceAreaId = area.Id, StartedOn = new DateOnly(2024, 1, 5), InvolvementEndedOn = new DateOnly(2026, 2, 1) });
        await db.SaveChangesAsync();
        var submission = Valid();
        submission.CourtCaseNumber = " ma24p01234 ";

        var result = await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().SubmitAsync(submission, Channel.Email, Actor.Public, "linked");

        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == result.CaseId);
        Assert.NotNull(stored.FamilyCourtCaseId);
        Assert.Equal(area.Id, stored.ServiceAreaId);
        Assert.Equal(LawType.Public, stored.LawType);
        Assert.Equal(new DateOnly(2026, 2, 1), stored.InvolvementEndedOn);
    }

    [Fact]
    public async Task A_second_save_from_a_stale_copy_of_a_case_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        Guid id;
        await using (var scope = services.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().SubmitAsync(Valid(), Channel.Web, Actor.Public, "v")).CaseId;
        }

        await using var first = services.Scope();
        await using var second = services.Scope();
        var dbA = first.ServiceProvider.GetRequiredService<HeardDbContext>();
        var dbB = second.ServiceProvider.GetRequiredService<HeardDbContext>();
        var copyA = await dbA.Cases.SingleAsync(c => c.Id == id);
        var copyB = await dbB.Cases.SingleAsync(c => c.Id == id);
        copyA.Adjustments = "Large print";
        await dbA.SaveChangesAsync();
        copyB.Adjustments = "Phone calls after 4pm";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
    }

    [Fact]
    public async Task The_history_cannot_be_changed_or_deleted()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().SubmitAsync(Valid(), Channel.Web, Actor.Public, "h");
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var entry = await db.CaseEvents.SingleAsync(e => e.CaseId == result.CaseId && e.Kind == "received");

        entry.Summary = "Something else";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();
        db.CaseEvents.Remove(await db.CaseEvents.SingleAsync(e => e.CaseId == result.CaseId && e.Kind == "received"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}
