using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Heard.Testing;

/// <summary>
/// The Heard web app in memory (ASP.NET Core's TestServer), on its own fresh <see cref="TestDatabase"/>,
/// for HTTP-level tests. Use it as an xunit class fixture, or create and dispose one in a test.
/// </summary>
/// <remarks>
/// The content root is the web project's folder (found by Microsoft.AspNetCore.Mvc.Testing), so pages,
/// settings files and <c>wwwroot</c> are the real ones. Override <see cref="EnvironmentName"/> or
/// <see cref="ConfigureWebHost"/> in a subclass for a test that needs something else.
/// </remarks>
public class HeardAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    /// <summary>The hosting environment the app runs in; Development unless a test says otherwise.</summary>
    protected virtual string EnvironmentName => Environments.Development;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        // UseSetting rather than ConfigureAppConfiguration: settings given this way are already in
        // builder.Configuration while Program.cs reads them, before builder.Build().
        builder.UseSetting("Heard:Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Heard", Database.ConnectionString);
        // Tests arrange their own data; the demo load (thousands of cases) would only slow every fixture down.
        builder.UseSetting("Heard:DemoData:Enabled", LoadDemoData ? "true" : "false");
    }

    /// <summary>Whether the app loads the demo data at start; off unless a test needs a realistic volume.</summary>
    protected virtual bool LoadDemoData => false;

    public virtual async Task InitializeAsync() => await Database.CreateCoreAsync(CancellationToken.None);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        // Stop the app before its database goes, so nothing it does on shutdown meets a missing database.
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
