using Heard.Application.Api;
using Heard.Application.Data;
using Heard.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Web.Tests.Workspace;

/// <summary>The app in memory with the <see cref="WorkspaceWorld"/> loaded and service accounts for the API.</summary>
public sealed class WorkspaceApp : HeardAppFactory
{
    public WorkspaceWorld World { get; private set; } = default!;

    /// <summary>A key for a complaints team account (sees all complaints).</summary>
    public string ComplaintsKey { get; private set; } = "";

    /// <summary>A key for a service manager account limited to area B.</summary>
    public string AreaBKey { get; private set; } = "";

    /// <summary>A key for a board reader account (reports only: no case).</summary>
    public string BoardKey { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        // The world alone, without Development's demo data, so every count and list is exact.
        Settings["Heard:DemoData:Enabled"] = "false";
        await base.InitializeAsync();
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        World = await WorkspaceWorld.CreateAsync(db, new DateOnly(2026, 3, 2));
        var accounts = scope.ServiceProvider.GetRequiredService<ServiceAccounts>();
        ComplaintsKey = (await accounts.CreateAsync("Phone line", "ComplaintsTeam", null, "test")).Created!.Key;
        AreaBKey = (await accounts.CreateAsync("Area B system", "ServiceManager", World.AreaB.Id, "test")).Created!.Key;
        BoardKey = (await accounts.CreateAsync("Board reporting", "BoardReader", null, "test")).Created!.Key;
    }
}
