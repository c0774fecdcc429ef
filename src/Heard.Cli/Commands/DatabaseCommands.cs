using System.CommandLine;
using Heard.Application.Data;
using Heard.Application.Demo;
using Heard.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Heard.Cli.Commands;

/// <summary>
/// <c>migrate</c>, <c>seed-demo</c> and <c>create-user</c>: the verbs an operator needs to stand up a database.
/// They work against either provider; the connection comes from <c>--connection</c> or, as for the web app,
/// from <c>ConnectionStrings__Heard</c> and <c>Heard__Database__Provider</c>.
/// </summary>
public static class DatabaseCommands
{
    private static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Database connection string (default: ConnectionStrings__Heard, else SQLite data/heard.db)",
        Recursive = true,
    };

    private static readonly Option<string?> Provider = new("--provider")
    {
        Description = "Sqlite or Postgres (default: Heard__Database__Provider, else worked out from the connection string)",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Connection);
        root.Options.Add(Provider);
        root.Subcommands.Add(Migrate());
        root.Subcommands.Add(SeedDemo());
        root.Subcommands.Add(CreateUser());
        root.Subcommands.Add(CreateServiceAccount());
        root.Subcommands.Add(ImportCommands.Import());
    }

    private static Command CreateServiceAccount()
    {
        var name = new Option<string>("--name") { Description = "The system that will use the account", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Heard.Application.Api.ServiceAccounts.AllowedRoles)}", Required = true };
        var area = new Option<string?>("--area") { Description = "Service area code (such as OSA03), required for ServiceManager and HeadOfPractice" };
        var command = new Command("create-service-account", "Make a service account for the API and print its key (shown only this once)");
        command.Options.Add(name);
        command.Options.Add(role);
        command.Options.Add(area);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = Services(parse);
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HeardDbContext>();
            Guid? areaId = null;
            if (parse.GetValue(area) is { } code)
            {
                var normalised = code.Trim().ToUpperInvariant();
                areaId = await db.ServiceAreas.Where(a => a.Code == normalised).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
                if (areaId is null)
                {
                    await Console.Error.WriteLineAsync($"There is no service area with the code '{code}'.");
                    return 2;
                }
            }

            var accounts = new Heard.Application.Api.ServiceAccounts(db, TimeProvider.System);
            var (created, errors) = await accounts.CreateAsync(parse.GetValue(name), parse.GetValue(role), areaId, $"heard CLI ({Environment.UserName})", cancellationToken);
            if (created is null)
            {
                foreach (var error in errors)
                {
                    var option = error.Field == "ServiceAreaId" ? "--area" : "--" + error.Field.ToLowerInvariant();
                    await Console.Error.WriteLineAsync($"{option}: {error.Message}");
                }

                return 2;
            }

            // The key on stdout alone, so a script can capture it; the explanation on stderr.
            await Console.Error.WriteLineAsync($"Service account '{created.Account.Name}' made ({created.Account.Role}). Its key follows; it cannot be shown again.");
            Console.WriteLine(created.Key);
            return 0;
        });
        return command;
    }

    private static Command Migrate()
    {
        var command = new Command("migrate", "Apply database migrations (safe to run again)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = Services(parse);
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            Console.WriteLine($"Database is up to date ({services.GetRequiredService<DatabaseSettings>().Provider}).");
            return 0;
        });
        return command;
    }

    private static Command SeedDemo()
    {
        var command = new Command("seed-demo", "Load the demo data and demo accounts once (refused in Production)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
            if (!string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"Demo data and demo accounts are for Development only; this environment is {environment}. Set DOTNET_ENVIRONMENT=Development to load them into a development database.");
                return 2;
            }

            await using var services = Services(parse);
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            await DemoData.LoadOnceAsync(services, cancellationToken);
            Console.WriteLine($"Demo data loaded. Demo accounts use the password {DemoData.Password}.");
            return 0;
        });
        return command;
    }

    private static Command CreateUser()
    {
        var email = new Option<string>("--email") { Description = "The person's email address (their sign-in name)", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true };
        var name = new Option<string?>("--name") { Description = "Their name as shown in Heard (default: the email address)" };
        var command = new Command("create-user", "Create a staff account. The password is read from standard input, or prompted for without echo");
        command.Options.Add(email);
        command.Options.Add(role);
        command.Options.Add(name);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var roleName = Roles.All.FirstOrDefault(r => string.Equals(r, parse.GetValue(role), StringComparison.OrdinalIgnoreCase));
            if (roleName is null)
            {
                await Console.Error.WriteLineAsync($"Unknown role '{parse.GetValue(role)}'. Roles are: {string.Join(", ", Roles.All)}.");
                return 2;
            }

            var password = ReadPassword();
            if (string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync("No password given.");
                return 2;
            }

            await using var services = Services(parse);
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            using var scope = services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HeardUser>>();
            var address = parse.GetValue(email)!.Trim();
            var user = new HeardUser { UserName = address, Email = address, EmailConfirmed = true, DisplayName = parse.GetValue(name) ?? address };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, roleName);
            }

            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    await Console.Error.WriteLineAsync(error.Description);
                }

                return 1;
            }

            Console.WriteLine($"Created {address} as {Roles.Describe(roleName)}.");
            return 0;
        });
        return command;
    }

    /// <summary>From a pipe, the first line; at a terminal, typed without echo.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Write("Password: ");
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }

    internal static ServiceProvider Services(ParseResult parse)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        if (parse.GetValue(Connection) is { } connection)
        {
            configuration["ConnectionStrings:Heard"] = connection;
        }

        if (parse.GetValue(Provider) is { } provider)
        {
            configuration["Heard:Database:Provider"] = provider;
        }

        var settings = DatabaseSettings.From(configuration, DatabaseSettings.SourceRootOr(Environment.CurrentDirectory));
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddHeardData(settings);
        services.AddHeardIdentityCore();
        return services.BuildServiceProvider();
    }
}
