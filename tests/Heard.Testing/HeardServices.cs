using Heard.Application;
using Heard.Application.Data;
using Heard.Application.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Heard.Testing;

/// <summary>
/// Heard's application services on a real <see cref="TestDatabase"/>, migrated, with a clock the test controls:
/// for application-level tests that need no web server.
/// </summary>
public sealed class HeardServices : IAsyncDisposable
{
    private HeardServices(ServiceProvider provider, FakeTimeProvider clock)
    {
        Provider = provider;
        Clock = clock;
    }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Builds and migrates. <paramref name="now"/> is the clock's start (UTC); by default a Monday morning in November 2026.</summary>
    public static async Task<HeardServices> CreateAsync(TestDatabase database, DateTimeOffset? now = null, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddHeardData(new DatabaseSettings(
            database.Provider == TestDatabase.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
            database.ConnectionString));
        services.AddHeardApplication();
        services.AddHeardIdentityCore();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider);
        return new HeardServices(provider, clock);
    }

    /// <summary>A scope for one unit of work (one DbContext), as a web request has.</summary>
    public AsyncServiceScope Scope() => Provider.CreateAsyncScope();

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
