using Heard.Application;
using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Identity;
using Heard.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Records;

/// <summary>A clock the test sets: "today" is the UK date it is given, at noon.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public DateOnly Today
    {
        set => Now = new DateTimeOffset(value.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The application services on a fresh <see cref="TestDatabase"/> (the run's provider), migrated, with a clock the
/// test moves. Each <see cref="Scope"/> is one unit of work, as one web request would be.
/// </summary>
public sealed class RecordsHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private RecordsHost(TestDatabase database, ServiceProvider services, TestClock clock)
    {
        _database = database;
        _services = services;
        Clock = clock;
    }

    public TestClock Clock { get; }

    public static readonly Actor Officer = new(Guid.NewGuid(), "Morgan Ellis", Roles.ComplaintsTeam);

    public static async Task<RecordsHost> StartAsync(DateOnly today)
    {
        var database = await TestDatabase.CreateAsync();
        var clock = new TestClock { Today = today };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddHeardData(new DatabaseSettings(
            database.Provider == TestDatabase.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString));
        services.AddHeardApplication();
        services.AddSingleton<TimeProvider>(clock);
        var provider = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider);
        return new RecordsHost(database, provider, clock);
    }

    public Scope NewScope() => new(_services.CreateAsyncScope());

    /// <summary>Runs <paramref name="work"/> in its own scope (its own DbContext) and returns what it returns.</summary>
    public async Task<T> RunAsync<T>(Func<Scope, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = NewScope();
        return await work(scope);
    }

    public async Task RunAsync(Func<Scope, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = NewScope();
        await work(scope);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    public sealed class Scope(AsyncServiceScope scope) : IAsyncDisposable
    {
        public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public HeardDbContext Db => Get<HeardDbContext>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
