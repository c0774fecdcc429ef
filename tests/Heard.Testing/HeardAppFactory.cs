using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
    private readonly bool _ownsDatabase;

    public HeardAppFactory()
    {
        Database = new TestDatabase();
        _ownsDatabase = true;
    }

    /// <summary>An app on a database someone else owns (for example a second Heard instance on the same database).</summary>
    public static HeardAppFactory OnDatabase(TestDatabase database) => new(database);

    // Not public: xunit class fixtures may have one public constructor only.
    protected HeardAppFactory(TestDatabase database)
    {
        Database = database;
        _ownsDatabase = false;
    }

    public TestDatabase Database { get; }

    /// <summary>Everything the app logs at Information or above.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// Extra settings for the app (for example <c>Heard:Email:Host</c>), applied when it starts: set them before the
    /// first request. Scheduled work is off unless a test turns it on with <c>Heard:Scheduler:Enabled=true</c>.
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = new() { ["Heard:Scheduler:Enabled"] = "false" };

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
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>Whether the app loads the demo data at start; off unless a test needs a realistic volume.</summary>
    protected virtual bool LoadDemoData => false;

    public virtual async Task InitializeAsync() => await Database.CreateCoreAsync(CancellationToken.None);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        // Stop the app before its database goes, so nothing it does on shutdown meets a missing database.
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The app with the Development demo data loaded (its accounts share <c>DemoData.Password</c>), for tests that need realistic volumes or demo accounts.</summary>
public class DemoAppFactory : HeardAppFactory
{
    protected override bool LoadDemoData => true;
}
