using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Application.Learning;
using Heard.Application.Tests.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Learning;

/// <summary>The themes taxonomy managed by an administrator: nothing deleted, every change recorded.</summary>
public sealed class ThemeAdministrationTests
{
    [Fact]
    public async Task Retiring_a_theme_in_use_keeps_it_and_its_uses_and_records_who_retired_it()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 3, 1));
        var admin = await host.StaffAsync("Ada Admin", Roles.Administrator);
        var officer = await host.StaffAsync("Morgan Ellis", Roles.ComplaintsTeam);
        var manager = await host.StaffAsync("Rae Responsible", Roles.ServiceManager);
        var result = await host.SubmitAsync(ProcedureHost.Adult());
        await host.SendStepLetterAsync(result.CaseId, "acknowledge", officer);
        await host.ApplyAsync(result.CaseId, "accept", officer);
        await host.ApplyAsync(result.CaseId, "start-investigation", officer, new Heard.Domain.Procedure.TransitionInput { ManagerId = manager.UserId });
        await host.RecordFindingAsync(result.CaseId, 1, manager, theme: "delay");

        await host.RunAsync(s => s.GetRequiredService<ThemeAdministration>().SetActiveAsync("delay", false, admin));

        var rows = await host.RunAsync(s => s.GetRequiredService<ThemeAdministration>().ListAsync());
        var delay = rows.Single(r => r.Code == "delay");
        Assert.Equal((false, 1), (delay.Active, delay.Uses));
        Assert.Equal("delay", (await host.CaseAsync(result.CaseId)).Issues.Single().ThemeCode);
        var change = Assert.Single(await host.RunAsync(s => s.GetRequiredService<ThemeAdministration>().ChangesAsync()));
        Assert.Equal(("delay", "retired", "Ada Admin", "Retired “Delay and timeliness”"), (change.ThemeCode, change.Kind, change.ByName, change.Summary));
        var choices = await host.RunAsync(s => s.GetRequiredService<LearningActions>().ChoicesAsync(result.CaseId));
        Assert.DoesNotContain(choices.Themes, t => t.Value == "delay");
    }

    [Fact]
    public async Task Adding_renaming_and_moving_a_theme_are_each_recorded_with_before_and_after()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2024, 3, 1));
        var admin = await host.StaffAsync("Ada Admin", Roles.Administrator);

        var code = await host.RunAsync(s => s.GetRequiredService<ThemeAdministration>().AddAsync("Goodbye letters", "What a goodbye letter to a child says", admin));
        await host.RunAsync(s => s.GetRequiredService<ThemeAdministration>().ChangeAsync(code, "Goodbye letters to children", "What a goodbye letter to a child says", admin));
        await host.RunAsync(s => s.GetRequiredService<ThemeAdministration>().MoveAsync(code, up: true, admin));
        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.RunAsync(s => s.GetRequiredService<ThemeAdministration>().AddAsync("delay AND TIMELINESS", null, admin)));

        var rows = await host.RunAsync(s => s.GetRequiredService<ThemeAdministration>().ListAsync());
        Assert.Equal("goodbye-letters", code);
        Assert.Equal(["goodbye-letters", "reliable"], rows.TakeLast(2).Select(r => r.Code));
        Assert.Equal("Goodbye letters to children", rows.Single(r => r.Code == code).Name);
        var changes = await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().ThemeChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(["added", "changed", "moved"], changes.Select(c => c.Kind));
        Assert.Equal("Renamed “Goodbye letters” to “Goodbye letters to children”", changes[1].Summary);
        Assert.Contains("\"name\":\"Goodbye letters\"", changes[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Goodbye letters to children\"", changes[1].After, StringComparison.Ordinal);
        Assert.Equal("There is already a theme called “delay AND TIMELINESS”", Assert.Single(duplicate.Errors).Message);
    }
}
