using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Intake;
using Heard.Application.Procedure;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Procedure;

public sealed class PolicyVersionTests
{
    private static readonly Actor Administrator = new(null, "Chris Admin", Identity.Roles.Administrator);

    [Fact]
    public async Task New_database_holds_the_four_shipped_procedures_with_the_2013_procedure_from_1_April_2013()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2026, 11, 23));

        var rows = await host.RunAsync(s => s.GetRequiredService<PolicyCatalogue>().ListAsync());

        Assert.Equal(["procedure-2010@1", "procedure-2013@1", "adult-2023@1", "child-2023@1"], rows.Select(r => r.Key));
        Assert.Equal(new DateOnly(2013, 4, 1), rows.Single(r => r.Code == "procedure-2013").EffectiveFrom);
        Assert.All(rows, r => Assert.Equal(PolicyCatalogue.BuiltInOrigin, r.Origin));
    }

    [Fact]
    public async Task Configured_date_for_the_2013_procedure_is_used_when_the_database_is_set_up()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2026, 11, 23), new Dictionary<string, string?> { ["Heard:Procedure:EffectiveFrom:procedure-2013"] = "2013-03-01" });

        var row = await host.RunAsync(s => s.GetRequiredService<PolicyCatalogue>().FindRowAsync("procedure-2013@1"));

        Assert.Equal(new DateOnly(2013, 3, 1), row!.EffectiveFrom);
    }

    [Fact]
    public async Task Configured_date_outside_2013_stops_the_set_up_with_a_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var host = await ProcedureHost.StartAsync(new DateOnly(2026, 11, 23), new Dictionary<string, string?> { ["Heard:Procedure:EffectiveFrom:procedure-2013"] = "2012-12-01" });
        });

        Assert.Contains("must be a date in 2013", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_up_again_adds_nothing_and_changes_nothing()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2026, 11, 23));

        await DatabaseSetup.MigrateAsync(host.Services);

        Assert.Equal(4, await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().PolicyVersions.CountAsync()));
    }

    [Fact]
    public async Task New_version_applies_from_its_date_and_a_complaint_received_earlier_keeps_its_version()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2027, 1, 4));
        var before = await host.SubmitAsync(ProcedureHost.Adult(), receivedOn: new DateOnly(2026, 12, 31), channel: Channel.Letter);
        var draft = await host.RunAsync(s => s.GetRequiredService<PolicyCatalogue>().NextDraftAsync("adult-2023@1"));
        var changed = draft.Replace("\"effectiveFrom\": \"2023-08-01\"", "\"effectiveFrom\": \"2027-01-01\"", StringComparison.Ordinal)
            .Replace("\"rule\": \"working-days:15\"", "\"rule\": \"working-days:20\"", StringComparison.Ordinal);

        var created = await host.RunAsync(s => s.GetRequiredService<PolicyCatalogue>().CreateVersionAsync(changed, "Board agreed 20 working days", Administrator));
        var after = await host.SubmitAsync(ProcedureHost.Adult(), receivedOn: new DateOnly(2027, 1, 4));

        Assert.Equal("adult-2023@2", created.Key);
        Assert.Equal("adult-2023@1", (await host.CaseAsync(before.CaseId)).PolicyCode);
        Assert.Equal("adult-2023@2", (await host.CaseAsync(after.CaseId)).PolicyCode);
        Assert.Equal("working-days:20", (await host.DeadlineAsync(after.CaseId, "response"))!.Rule);
        Assert.Equal("working-days:15", (await host.DeadlineAsync(before.CaseId, "response"))!.Rule);
    }

    [Fact]
    public async Task Invalid_new_version_is_refused_with_every_problem_and_nothing_is_stored()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2026, 11, 23));
        var draft = await host.RunAsync(s => s.GetRequiredService<PolicyCatalogue>().NextDraftAsync("adult-2023@1"));
        var broken = draft.Replace("\"ComplaintsTeam\"", "\"Complaints\"", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            host.RunAsync(s => s.GetRequiredService<PolicyCatalogue>().CreateVersionAsync(broken, reason: null, Administrator)));

        Assert.Contains(error.Errors, e => e.Field == "Reason");
        Assert.Contains(error.Errors, e => e.Field == "Definition" && e.Message.StartsWith("transitions[0].roles[0]", StringComparison.Ordinal));
        Assert.Equal(4, await host.RunAsync(s => s.GetRequiredService<HeardDbContext>().PolicyVersions.CountAsync()));
    }

    [Fact]
    public async Task A_complaint_received_before_any_procedure_is_refused_with_the_date_named()
    {
        await using var host = await ProcedureHost.StartAsync(new DateOnly(2026, 11, 23));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.SubmitAsync(ProcedureHost.Adult(), receivedOn: new DateOnly(2010, 6, 30), channel: Channel.Letter));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("receivedOn", problem.Field);
        Assert.Contains("the earliest starts on Thursday 1 July 2010", problem.Message, StringComparison.Ordinal);
    }
}
