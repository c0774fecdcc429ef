using System.Data.Common;
using Heard.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Heard.Application.Tests.Testing;

// Proves the shared database fixture: every later application test stands on it.
public sealed class TestDatabaseTests
{
    [Fact]
    public async Task Test_database_is_on_the_provider_the_run_asked_for()
    {
        var asked = Environment.GetEnvironmentVariable(TestDatabase.ProviderVariable);

        var expected = asked?.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) == true ? TestDatabase.Postgres : TestDatabase.Sqlite;

        await using var database = await TestDatabase.CreateAsync();

        Assert.Equal(expected, database.Provider);
    }

    [Fact]
    public async Task Test_database_answers_a_query_on_its_own_fresh_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = Open(database);

        var one = await ScalarAsync(connection, "SELECT 1");
        // Each fixture gets a database of its own, never a shared one that earlier tests could have dirtied.
        var where = database.Provider == TestDatabase.Postgres
            ? await ScalarAsync(connection, "SELECT current_database()")
            : await ScalarAsync(connection, "SELECT file FROM pragma_database_list WHERE name = 'main'");

        Assert.Equal(1L, Convert.ToInt64(one, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(database.Name, where);
    }

    [Fact]
    public async Task Test_database_is_removed_when_disposed()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var connection = Open(database))
        {
            await ScalarAsync(connection, "CREATE TABLE complaint (id INTEGER PRIMARY KEY)");
        }

        await database.DisposeAsync();

        Assert.False(await ExistsAsync(database));
    }

    [Fact]
    public void Postgres_run_without_a_server_fails_loudly_instead_of_using_sqlite()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new TestDatabase("postgres", postgresAdmin: null));

        Assert.Contains(TestDatabase.PostgresVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_provider_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new TestDatabase("mysql", postgresAdmin: null));
    }

    private static DbConnection Open(TestDatabase database)
    {
        DbConnection connection = database.Provider == TestDatabase.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        connection.Open();
        return connection;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<bool> ExistsAsync(TestDatabase database)
    {
        if (database.Provider == TestDatabase.Sqlite)
        {
            return File.Exists(database.Name);
        }

        var admin = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable);
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database.Name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
