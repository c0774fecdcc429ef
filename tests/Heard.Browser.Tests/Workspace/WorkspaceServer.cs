using Heard.Application.Data;
using Heard.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Browser.Tests.Workspace;

/// <summary>The app on 127.0.0.1 with the <see cref="WorkspaceWorld"/> loaded (and no demo data).</summary>
public sealed class WorkspaceServer : HeardAppServer
{
    public WorkspaceWorld World { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        Settings["Heard:DemoData:Enabled"] = "false";
        await base.InitializeAsync();
        using var scope = Services.CreateScope();
        World = await WorkspaceWorld.CreateAsync(scope.ServiceProvider.GetRequiredService<HeardDbContext>(), new DateOnly(2026, 3, 2));
    }
}
