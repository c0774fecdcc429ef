using Heard.Application.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Application.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database Heard uses, read from configuration (<c>Heard:Database:Provider</c>, <c>ConnectionStrings:Heard</c>).</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/heard.db";

    /// <summary>
    /// Reads the settings. A relative SQLite path is taken from <paramref name="baseFolder"/>: the repository root
    /// when running from a source checkout, so that <c>dotnet run</c> keeps its database in <c>data/</c> there.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration, string? baseFolder = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = configuration.GetConnectionString("Heard");
        var providerText = configuration["Heard:Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            // A PostgreSQL connection string is recognisable; anything else is the embedded default.
            provider = connection is not null && connection.Contains("Host=", StringComparison.OrdinalIgnoreCase)
                ? DatabaseProvider.Postgres
                : DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"Heard:Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("ConnectionStrings:Heard is required when the provider is Postgres.");
            }

            connection = DefaultSqlite;
        }

        if (provider == DatabaseProvider.Sqlite && baseFolder is not null)
        {
            var sqlite = new SqliteConnectionStringBuilder(connection);
            if (!string.IsNullOrEmpty(sqlite.DataSource) && sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
            {
                sqlite.DataSource = Path.GetFullPath(Path.Combine(baseFolder, sqlite.DataSource));
                connection = sqlite.ToString();
            }
        }

        return new DatabaseSettings(provider, connection);
    }

    /// <summary>The folder holding <c>Heard.slnx</c> above <paramref name="start"/>, or <paramref name="start"/> itself.</summary>
    public static string SourceRootOr(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Heard.slnx")))
            {
                return folder.FullName;
            }
        }

        return start;
    }
}

public static class DatabaseSetup
{
    /// <summary>Registers the one <see cref="HeardDbContext"/> on the configured provider.</summary>
    public static IServiceCollection AddHeardData(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<HeardDbContext, PostgresHeardDbContext>(o => ConfigurePostgres(o, settings.ConnectionString));
        }
        else
        {
            PrepareSqliteFolder(settings.ConnectionString);
            services.AddDbContext<HeardDbContext, SqliteHeardDbContext>(o => ConfigureSqlite(o, settings.ConnectionString));
        }

        services.AddScoped<CaseHistory>();
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));

    internal static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    /// <summary>Applies migrations and, on SQLite, switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (!db.IsPostgres)
        {
            // WAL lets staff read queues while a submission is being written; it is a property of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await EnsureRolesAsync(db, cancellationToken);
        await EnsureThemesAsync(db, cancellationToken);
        // What EF cannot describe: the full-text index and its triggers, and Quartz's tables.
        await Search.SearchIndex.EnsureAsync(db, cancellationToken);
        await Scheduling.QuartzSchema.EnsureAsync(db, cancellationToken);
        await Feedback.SurveyCatalogue.EnsureAsync(db, cancellationToken);
        // Cases written before the report facts existed (or around SaveChanges) get theirs.
        await Reporting.ReportFacts.EnsureAsync(db, cancellationToken);
        await Procedure.PolicyCatalogue.EnsureBuiltInAsync(
            db, scope.ServiceProvider.GetService<IConfiguration>(), scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
    }

    /// <summary>A new database starts with the initial theme taxonomy; administrators change it from there.</summary>
    private static async Task EnsureThemesAsync(HeardDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Themes.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Themes.AddRange(Themes.ThemeCatalogue.Initial.Select(t => new Themes.Theme
        {
            Code = t.Code, Name = t.Name, Description = t.Description, Active = true, SortOrder = t.SortOrder,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The roles are part of the product, not of any environment's data: every database has them all.</summary>
    private static async Task EnsureRolesAsync(HeardDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Identity.Roles.All.Except(existing))
        {
            db.Roles.Add(new Identity.HeardRole(role!) { Id = Guid.CreateVersion7(), NormalizedName = role!.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString("N") });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void PrepareSqliteFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model to write its migrations.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHeardDbContext>
{
    public SqliteHeardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteHeardDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteHeardDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHeardDbContext>
{
    public PostgresHeardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresHeardDbContext>();
        DatabaseSetup.ConfigurePostgres(options, "Host=localhost;Database=heard_design");
        return new PostgresHeardDbContext(options.Options);
    }
}
