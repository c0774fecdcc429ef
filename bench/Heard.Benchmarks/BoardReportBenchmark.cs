using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Heard.Application;
using Heard.Application.Data;
using Heard.Application.Reporting;
using Heard.Domain.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Heard.Benchmarks;

/// <summary>
/// The financial-year board report over a generated database of ten years of records, timed beside the plain SQL
/// aggregate over the same rows in the same run (median of several runs). Usage:
/// <c>board-report --provider sqlite|postgres --connection "..." [--records 1000000] [--iterations 7]</c>.
/// The data is bulk inserted (SQLite: one transaction of prepared commands; PostgreSQL: binary COPY); the search
/// triggers are switched off in this throwaway database while loading, since search is not what is measured.
/// </summary>
public static class BoardReportBenchmark
{
    private const int Areas = 19;
    private static readonly DateOnly FirstDay = new(2015, 4, 1);
    private const int Days = 3653; // ten years

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var provider = Arg("--provider", "sqlite");
        var records = int.Parse(Arg("--records", "1000000"), CultureInfo.InvariantCulture);
        var iterations = int.Parse(Arg("--iterations", "7"), CultureInfo.InvariantCulture);
        // --reuse: time an existing generated database (no migration, no generation, nothing deleted).
        var reuse = args.Contains("--reuse");
        // --keep: leave a generated SQLite file in place (for --reuse later). --trace: print each SQL command and its time.
        var keep = args.Contains("--keep");
        var trace = args.Contains("--trace");
        var connection = Arg("--connection", $"Data Source={Path.Combine(Path.GetTempPath(), $"heard-bench-{Environment.ProcessId}.db")}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Heard:Database:Provider"] = provider,
            ["ConnectionStrings:Heard"] = connection,
            ["Heard:Scheduler:Enabled"] = "false",
        }).Build();
        var settings = DatabaseSettings.From(configuration);
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Warning);
            if (trace)
            {
                b.AddSimpleConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            }
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHeardData(settings);
        services.AddHeardApplication();
        services.AddHeardWorkspace(configuration, settings, Path.GetTempPath());
        await using var provider1 = services.BuildServiceProvider();
        if (!reuse)
        {
            await DatabaseSetup.MigrateAsync(provider1);
        }

        var load = Stopwatch.StartNew();
        await using (var scope = provider1.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            if (!reuse)
            {
                await GenerateAsync(db, records);
                // The generated rows go in around SaveChanges, so their report facts are written as after a bulk load.
                var facts = Stopwatch.StartNew();
                var written = await ReportFacts.EnsureAsync(db);
                Console.WriteLine($"{provider}: wrote {written:N0} report facts in {facts.Elapsed.TotalSeconds:0.0} s");
            }
        }

        Console.WriteLine(reuse ? $"{provider}: reusing the generated database" : $"{provider}: generated {records:N0} records (and their deadlines, issues, feedback and family court cases) in {load.Elapsed.TotalSeconds:0.0} s");

        var year = ReportPeriod.FinancialYear(2023);
        var reportTimes = new List<double>();
        var plainTimes = new List<double>();
        for (var i = 0; i < iterations + 1; i++)
        {
            await using var scope = provider1.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            var report = scope.ServiceProvider.GetRequiredService<BoardReport>();
            var watch = Stopwatch.StartNew();
            var result = await report.BuildAsync(year);
            var reportMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var plain = await PlainAggregateAsync(db, year);
            var plainMs = watch.Elapsed.TotalMilliseconds;
            if (i == 0)
            {
                Console.WriteLine($"  check: report counts {result.Current.Volume(ReportFigures.Complaints) + result.Current.Volume(ReportFigures.MpEnquiries) + result.Current.Volume(ReportFigures.Compliments) + result.Current.Volume(ReportFigures.OmbudsmanCases) + result.Current.Volume(ReportFigures.SubjectAccessRequests):N0} cases in {year.Name}; plain aggregate {plain:N0}");
                continue; // warm-up
            }

            reportTimes.Add(reportMs);
            plainTimes.Add(plainMs);
        }

        var r = Median(reportTimes);
        var p = Median(plainTimes);
        Console.WriteLine($"| {provider} | {records:N0} | {year.Name} | {r:0} ms | {p:0} ms | {r / p:0.0}× |");
        if (settings.Provider == DatabaseProvider.Sqlite && !reuse && !keep)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(connection).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The plain aggregate over the same rows: cases of the year and of the year before, counted by type and audience.</summary>
    private static async Task<long> PlainAggregateAsync(HeardDbContext db, ReportPeriod year)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        long total = 0;
        foreach (var period in new[] { year, year.YearEarlier() })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Type\", \"Audience\", count(*) FROM \"Cases\" WHERE \"ReceivedOn\" >= @from AND \"ReceivedOn\" <= @to GROUP BY \"Type\", \"Audience\"";
            AddDate(command, "@from", period.From, db.IsPostgres);
            AddDate(command, "@to", period.To, db.IsPostgres);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                total += period == year ? Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) : 0;
            }
        }

        return total;
    }

    private static void AddDate(DbCommand command, string name, DateOnly date, bool postgres)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = postgres ? date : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        command.Parameters.Add(parameter);
    }

    private sealed record Row(object?[] Values);

    private static async Task GenerateAsync(HeardDbContext db, int records)
    {
        var random = new Random(20260101);
        var region = Guid.CreateVersion7();
        var areas = Enumerable.Range(0, Areas).Select(_ => Guid.CreateVersion7()).ToArray();
        string[] themes = ["not-listened-to", "report-accuracy", "delay", "communication", "bias", "conduct", "child-not-seen"];
        string[] states = ["closed", "closed", "closed", "response-sent", "investigation", "withdrawn", "redirected-to-court", "not-a-complaint", "received"];
        string[] findings = ["Upheld", "PartlyUpheld", "NotUpheld", "NoFinding"];
        var now = DateTime.UtcNow;

        var regions = new List<object?[]> { new object?[] { region, "Bench region" } };
        var areaRows = areas.Select((a, i) => new object?[] { a, $"B{i:00}", $"Bench area {i + 1}", region }).ToList();
        var cases = new List<object?[]>(records);
        var deadlines = new List<object?[]>();
        var issues = new List<object?[]>();
        for (var i = 0; i < records; i++)
        {
            var id = Guid.CreateVersion7();
            var received = FirstDay.AddDays(random.Next(Days));
            var kind = random.Next(100);
            var type = kind < 70 ? "Complaint" : kind < 80 ? "Compliment" : kind < 88 ? "MpEnquiry" : kind < 90 ? "OmbudsmanCase" : "SubjectAccessRequest";
            var audience = type == "Complaint" && random.Next(30) == 0 ? "Child" : "Adult";
            var state = type == "Complaint" ? states[random.Next(states.Length)] : "closed";
            var at = received.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            cases.Add([id, $"B{i:D9}", type, audience, "Web", at, received, state, areas[random.Next(Areas)], random.Next(3) == 0 ? "Public" : "Private", false, "Bench person", "Parent", "Email", false, at, 1]);
            if (type == "Complaint")
            {
                var due = received.AddDays(21);
                deadlines.Add([Guid.CreateVersion7(), id, "acknowledgement", "working-days:2", received, received.AddDays(2), "bench", received.AddDays(random.Next(4)), at, 0]);
                deadlines.Add([Guid.CreateVersion7(), id, "response", "working-days:15", received, due, "bench", random.Next(10) == 0 ? null : received.AddDays(10 + random.Next(20)), at, 0]);
                if (random.Next(3) == 0)
                {
                    issues.Add([Guid.CreateVersion7(), id, 1, "Bench issue", themes[random.Next(themes.Length)], findings[random.Next(findings.Length)]]);
                }
            }
        }

        var feedback = new List<object?[]>();
        for (var i = 0; i < records / 5; i++)
        {
            var child = random.Next(10) == 0;
            var given = FirstDay.AddDays(random.Next(Days));
            feedback.Add([Guid.CreateVersion7(), child ? "child" : "adult", child ? "Child" : "Adult", "Web", given.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), given, 1 + random.Next(5), false]);
        }

        var served = new List<object?[]>();
        for (var i = 0; i < records / 10; i++)
        {
            var started = FirstDay.AddDays(random.Next(Days));
            served.Add([Guid.CreateVersion7(), $"BFC{i:D9}", random.Next(3) == 0 ? "Public" : "Private", areas[random.Next(Areas)], 1, started, random.Next(5) == 0 ? null : started.AddDays(100 + random.Next(400))]);
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (db.IsPostgres)
        {
            var pg = (NpgsqlConnection)connection;
            await using (var off = new NpgsqlCommand("ALTER TABLE \"Cases\" DISABLE TRIGGER USER; ALTER TABLE \"ComplaintIssues\" DISABLE TRIGGER USER;", pg))
            {
                await off.ExecuteNonQueryAsync();
            }

            await CopyAsync(pg, "\"Regions\" (\"Id\", \"Name\")", regions, [NpgsqlDbType.Uuid, NpgsqlDbType.Text]);
            await CopyAsync(pg, "\"ServiceAreas\" (\"Id\", \"Code\", \"Name\", \"RegionId\")", areaRows, [NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Uuid]);
            await CopyAsync(pg, CaseColumns, cases, [NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer]);
            await CopyAsync(pg, DeadlineColumns, deadlines, [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer]);
            await CopyAsync(pg, IssueColumns, issues, [NpgsqlDbType.Uuid, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text]);
            await CopyAsync(pg, FeedbackColumns, feedback, [NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Date, NpgsqlDbType.Integer, NpgsqlDbType.Boolean]);
            await CopyAsync(pg, ServedColumns, served, [NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Uuid, NpgsqlDbType.Integer, NpgsqlDbType.Date, NpgsqlDbType.Date]);
            await using var analyse = new NpgsqlCommand("ANALYZE", pg);
            await analyse.ExecuteNonQueryAsync();
        }
        else
        {
            var lite = (SqliteConnection)connection;
            await using (var drop = lite.CreateCommand())
            {
                drop.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('Cases', 'ComplaintIssues')";
                var names = new List<string>();
                await using (var reader = await drop.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        names.Add(reader.GetString(0));
                    }
                }

                foreach (var name in names)
                {
                    drop.CommandText = $"DROP TRIGGER \"{name}\"";
                    await drop.ExecuteNonQueryAsync();
                }
            }

            await using var transaction = (SqliteTransaction)await lite.BeginTransactionAsync();
            Insert(lite, transaction, "\"Regions\" (\"Id\", \"Name\")", regions);
            Insert(lite, transaction, "\"ServiceAreas\" (\"Id\", \"Code\", \"Name\", \"RegionId\")", areaRows);
            Insert(lite, transaction, CaseColumns, cases);
            Insert(lite, transaction, DeadlineColumns, deadlines);
            Insert(lite, transaction, IssueColumns, issues);
            Insert(lite, transaction, FeedbackColumns, feedback);
            Insert(lite, transaction, ServedColumns, served);
            await transaction.CommitAsync();
            await using var analyse = lite.CreateCommand();
            analyse.CommandText = "ANALYZE";
            await analyse.ExecuteNonQueryAsync();
        }
    }

    private const string CaseColumns = "\"Cases\" (\"Id\", \"Reference\", \"Type\", \"Audience\", \"Channel\", \"ReceivedAt\", \"ReceivedOn\", \"State\", \"ServiceAreaId\", \"LawType\", \"Restricted\", \"PersonName\", \"PersonRole\", \"PersonContactPreference\", \"PersonConsentConfirmed\", \"UpdatedAt\", \"Version\")";
    private const string DeadlineColumns = "\"CaseDeadlines\" (\"Id\", \"CaseId\", \"Kind\", \"Rule\", \"StartsOn\", \"DueOn\", \"Explanation\", \"MetOn\", \"ComputedAt\", \"CalendarVersion\")";
    private const string IssueColumns = "\"ComplaintIssues\" (\"Id\", \"CaseId\", \"Number\", \"Description\", \"ThemeCode\", \"Finding\")";
    private const string FeedbackColumns = "\"FeedbackResponses\" (\"Id\", \"SurveyCode\", \"Audience\", \"Source\", \"SubmittedAt\", \"GivenOn\", \"Score\", \"HasText\")";
    private const string ServedColumns = "\"FamilyCourtCases\" (\"Id\", \"CaseNumber\", \"LawType\", \"ServiceAreaId\", \"ChildrenCount\", \"StartedOn\", \"InvolvementEndedOn\")";

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, string table, List<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var width = rows[0].Length;
        command.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", Enumerable.Range(0, width).Select(i => "$p" + i))})";
        var parameters = Enumerable.Range(0, width).Select(i => command.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < width; i++)
            {
                parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    bool b => b ? 1 : 0,
                    var v => v,
                };
            }

            command.ExecuteNonQuery();
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, List<object?[]> rows, NpgsqlDbType[] types)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(row[i], types[i]);
                }
            }
        }

        await writer.CompleteAsync();
    }
}
