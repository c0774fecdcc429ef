using Heard.Application.Data;
using Heard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Tests.Data;

/// <summary>
/// The schema on the run's provider: the migrations cover the whole model (a model change without a migration
/// fails here, once per provider) and apply cleanly to an empty database, twice.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task The_model_has_no_changes_that_a_migration_does_not_cover()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {database.Provider} migration covers: run ./scripts/reset-migrations.sh (before the first release) or ./scripts/add-migration.sh Name.");
    }

    [Fact]
    public async Task Every_migration_is_applied_to_a_new_database_and_migrating_again_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);

        await DatabaseSetup.MigrateAsync(services.Provider);

        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(Application.Identity.Roles.All.Count, await db.Roles.CountAsync());
        Assert.True(await db.Themes.CountAsync() >= 10);
    }

    [Fact]
    public async Task Sqlite_databases_use_write_ahead_logging()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = await HeardServices.CreateAsync(database);
        await using var scope = services.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        if (db.IsPostgres)
        {
            Assert.Equal(TestDatabase.Postgres, database.Provider);
            return;
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
