using Heard.Application;
using Heard.Application.Data;
using Heard.Application.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Heard.Testing;

/// <summary>
/// Heard's application services without the web, on a <see cref="TestDatabase"/> (migrated, with the search index
/// and Quartz's tables), with a fake clock. For application tests of services that work together.
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private TestServices(ServiceProvider provider, FakeTimeProvider clock)
    {
        Provider = provider;
        Clock = clock;
    }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>
    /// Builds the services. <paramref name="settings"/> adds configuration (for example <c>Heard:Email:Port</c>);
    /// the clock starts at <paramref name="now"/> (default: 10:00 UTC on Tuesday 10 March 2026).
    /// </summary>
    public static async Task<TestServices> CreateAsync(TestDatabase database, IDictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var values = new Dictionary<string, string?>
        {
            ["Heard:Database:Provider"] = database.Provider,
            ["ConnectionStrings:Heard"] = database.ConnectionString,
            ["Heard:Scheduler:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero));
        var database1 = DatabaseSettings.From(configuration);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHeardData(database1);
        services.AddHeardApplication();
        services.AddHeardWorkspace(configuration, database1, Path.GetTempPath());
        services.AddHeardIdentityCore();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await DatabaseSetup.MigrateAsync(provider);
        return new TestServices(provider, clock);
    }

    public AsyncServiceScope Scope() => Provider.CreateAsyncScope();

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
