using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace Heard.Testing;

/// <summary>
/// A fresh, empty database for one test or one test class, on the provider the run asks for:
/// <c>HEARD_TEST_PROVIDER=sqlite</c> (the default) makes a new SQLite file in a temporary folder;
/// <c>HEARD_TEST_PROVIDER=postgres</c> makes a new database on the server named by <c>HEARD_TEST_PG</c>
/// (the throwaway server that <c>./test.sh</c> starts). Disposing it deletes the file or drops the database.
/// </summary>
/// <remarks>
/// Use it as <c>await using var db = await TestDatabase.CreateAsync();</c> in a test, or as an xunit
/// class fixture (<c>IClassFixture&lt;TestDatabase&gt;</c>).
/// </remarks>
public sealed class TestDatabase : IAsyncLifetime, IAsyncDisposable
{
    public const string ProviderVariable = "HEARD_TEST_PROVIDER";
    public const string PostgresVariable = "HEARD_TEST_PG";

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    private readonly string? _postgresAdmin;
    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;
    private bool _created;
    private bool _disposed;

    /// <summary>The provider as the app's <c>Heard:Database:Provider</c> setting spells it: "Sqlite" or "Postgres".</summary>
    public string Provider { get; }

    /// <summary>The value for the app's <c>ConnectionStrings:Heard</c>.</summary>
    public string ConnectionString { get; }

    public TestDatabase()
        : this(Environment.GetEnvironmentVariable(ProviderVariable), Environment.GetEnvironmentVariable(PostgresVariable))
    {
    }

    internal TestDatabase(string? providerSetting, string? postgresAdmin)
    {
        Provider = ParseProvider(providerSetting);
        if (Provider == Postgres)
        {
            // Never fall back to SQLite: a run that was asked for PostgreSQL and quietly used SQLite would
            // report green for a provider it never touched.
            if (string.IsNullOrWhiteSpace(postgresAdmin))
            {
                throw new InvalidOperationException(
                    $"{ProviderVariable}=postgres needs {PostgresVariable}, the admin connection string of the test " +
                    "PostgreSQL server (for example Host=127.0.0.1;Port=5432;Username=heard;Password=heard;Database=postgres). " +
                    "./test.sh starts a throwaway server and sets it.");
            }

            _postgresAdmin = postgresAdmin;
            _postgresName = "heard_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            ConnectionString = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = _postgresName }.ConnectionString;
        }
        else
        {
            // A folder straight under the temp folder, not a shared "heard-tests" parent: a parent made by one
            // user (root in CI) would lock every other user out.
            _sqliteFolder = Path.Combine(Path.GetTempPath(), "heard-test-" + Guid.NewGuid().ToString("N"));
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_sqliteFolder, "heard.db") }.ConnectionString;
        }
    }

    /// <summary>The name of the PostgreSQL database, or the path of the SQLite file.</summary>
    public string Name => _postgresName ?? new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public static async Task<TestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var database = new TestDatabase();
        await database.CreateCoreAsync(cancellationToken);
        return database;
    }

    Task IAsyncLifetime.InitializeAsync() => CreateCoreAsync(CancellationToken.None);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    internal async Task CreateCoreAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        if (_postgresName is not null)
        {
            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresName}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            // SQLite creates the file on first open; the folder has to exist.
            Directory.CreateDirectory(_sqliteFolder!);
        }

        _created = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_created)
        {
            return;
        }

        if (_postgresName is not null)
        {
            // Pooled connections would otherwise linger on a database that no longer exists.
            await using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync();
            // FORCE ends sessions a test left open (PostgreSQL 13+), so a leaked connection cannot leave
            // a database behind.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            using (var pooled = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }

            if (Directory.Exists(_sqliteFolder))
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
        }
    }

    private static string ParseProvider(string? setting) =>
        setting?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => Sqlite,
            "postgres" or "postgresql" => Postgres,
            _ => throw new InvalidOperationException(
                $"{ProviderVariable}='{setting}' is not a provider Heard knows: use sqlite or postgres."),
        };
}
