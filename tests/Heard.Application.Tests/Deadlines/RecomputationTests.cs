using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Deadlines;
using Heard.Application.Intake;
using Heard.Domain.Calendar;
using Heard.Domain.Cases;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Deadlines;

/// <summary>When the calendar changes, open cases' deadlines move and say so in their history; closed ones keep theirs.</summary>
public sealed class RecomputationTests
{
    private static readonly Actor Admin = new(null, "Chris Mensah", "Administrator");

    private static async Task<Guid> ComplaintWithResponseDueAsync(HeardServices services, string key, DateOnly receivedOn)
    {
        await using var scope = services.Scope();
        var intake = scope.ServiceProvider.GetRequiredService<ComplaintIntake>();
        var result = await intake.SubmitAsync(
            new ComplaintSubmission { FullName = "Ben Hughes", Role = ComplainantRole.Parent, Email = "ben@example.com", Issues = ["Not listened to."], OutcomeWanted = "An apology." },
            Channel.Letter, Admin, key, receivedOn);
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        var @case = await db.Cases.SingleAsync(c => c.Id == result.CaseId);
        await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().SetAsync(@case, DeadlineKinds.Response, DeadlineRule.WorkingDays(15), receivedOn, Admin);
        await db.SaveChangesAsync();
        return @case.Id;
    }

    [Fact]
    public async Task A_closure_day_moves_open_deadlines_and_writes_old_and_new_dates_to_the_history()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var open = await ComplaintWithResponseDueAsync(services, "open", new DateOnly(2026, 11, 20));
        var closed = await ComplaintWithResponseDueAsync(services, "closed", new DateOnly(2026, 11, 20));
        var met = await ComplaintWithResponseDueAsync(services, "met", new DateOnly(2026, 11, 20));
        await using (var scope = services.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            var closedCase = await db.Cases.SingleAsync(c => c.Id == closed);
            closedCase.ClosedAt = services.Clock.GetUtcNow().UtcDateTime;
            closedCase.State = "closed";
            var metCase = await db.Cases.SingleAsync(c => c.Id == met);
            await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().MarkMetAsync(metCase, DeadlineKinds.Response, new DateOnly(2026, 11, 23), Admin);
            await db.SaveChangesAsync();
        }

        CalendarChangeResult result;
        await using (var scope = services.Scope())
        {
            result = await scope.ServiceProvider.GetRequiredService<CalendarAdministration>().ApplyAsync(
                [CalendarAdjustment.AddClosure(new DateOnly(2026, 12, 4), "Office move", "Both offices closed for the move")], Admin);
        }

        await using var check = services.Scope();
        var read = check.ServiceProvider.GetRequiredService<HeardDbContext>();
        var due = await read.CaseDeadlines.AsNoTracking().Where(d => d.Kind == DeadlineKinds.Response).ToDictionaryAsync(d => d.CaseId, d => d.DueOn);
        Assert.Equal(1, result.DeadlinesMoved);
        // 15 working days from Friday 20 November 2026 is Friday 11 December; one more closed day makes it Monday 14th.
        Assert.Equal(new DateOnly(2026, 12, 14), due[open]);
        Assert.Equal(new DateOnly(2026, 12, 11), due[closed]);
        Assert.Equal(new DateOnly(2026, 12, 11), due[met]);
        var moved = await read.CaseEvents.AsNoTracking().SingleAsync(e => e.CaseId == open && e.Kind == "deadline-changed");
        Assert.Contains("Friday 11 December 2026", moved.Summary, StringComparison.Ordinal);
        Assert.Contains("Monday 14 December 2026", moved.Summary, StringComparison.Ordinal);
        Assert.Contains("Office move", moved.Reason, StringComparison.Ordinal);
        Assert.Equal("Chris Mensah", moved.ActorName);
        Assert.False(await read.CaseEvents.AnyAsync(e => e.CaseId == closed && e.Kind == "deadline-changed"));
        var explanation = await read.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == open && d.Kind == DeadlineKinds.Response).Select(d => d.Explanation).SingleAsync();
        Assert.Contains("Office move", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_import_changes_nothing_and_says_what_is_wrong()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<CalendarAdministration>();

        var (result, errors) = await admin.ImportAsync("{\"scotland\": {\"events\": []}}", Admin);

        Assert.Null(result);
        Assert.NotEmpty(errors);
        Assert.Empty(await admin.HistoryAsync());
    }

    [Fact]
    public async Task An_import_of_a_new_proclamation_adds_it_and_records_who_and_when()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<CalendarAdministration>();
        var store = scope.ServiceProvider.GetRequiredService<CalendarStore>();
        var builtIn = await store.CurrentAsync();
        var events = string.Join(",", builtIn.NonWorkingDaysBetween(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31))
            .Select(d => $"{{\"title\":\"{d.Name}\",\"date\":\"{d.Date:yyyy-MM-dd}\",\"notes\":\"\",\"bunting\":true}}")
            .Append("{\"title\":\"Extra bank holiday\",\"date\":\"2027-06-07\",\"notes\":\"\",\"bunting\":true}"));
        var json = $"{{\"england-and-wales\":{{\"division\":\"england-and-wales\",\"events\":[{events}]}}}}";

        var (result, errors) = await admin.ImportAsync(json, Admin);

        Assert.Empty(errors);
        Assert.Equal(1, result!.ChangesStored);
        Assert.False((await store.CurrentAsync()).IsWorkingDay(new DateOnly(2027, 6, 7)));
        var row = Assert.Single(await admin.HistoryAsync());
        Assert.Equal("Chris Mensah", row.ChangedBy);
        Assert.Equal(services.Clock.GetUtcNow().UtcDateTime, row.ChangedAt);
    }
}
