using System.CommandLine;
using Heard.Application.Data;
using Heard.Application.Equality;
using Microsoft.Extensions.DependencyInjection;

namespace Heard.Cli.Commands;

/// <summary><c>heard import served --file F</c>: the people served, from the courts' case data (see <see cref="ServedPeopleImport"/>).</summary>
public static class ImportCommands
{
    public static Command Import()
    {
        var file = new Option<FileInfo>("--file") { Description = "CSV file: " + string.Join(",", ServedPeopleImport.Columns), Required = true };
        var served = new Command("served", "Import the people served (family court case people, no names); nothing is imported if any line is wrong");
        served.Options.Add(file);
        served.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"There is no file {path.FullName}.");
                return 2;
            }

            await using var services = DatabaseCommands.Services(parse);
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            using var scope = services.CreateScope();
            using var reader = new StreamReader(path.FullName);
            var result = await scope.ServiceProvider.GetRequiredService<ServedPeopleImport>().ImportAsync(reader, cancellationToken);
            if (!result.Imported)
            {
                foreach (var problem in result.Problems)
                {
                    await Console.Error.WriteLineAsync($"line {problem.Line}: {problem.Message}");
                }

                await Console.Error.WriteLineAsync("Nothing was imported.");
                return 2;
            }

            Console.WriteLine($"Imported {result.People} people in {result.Cases} cases (replaced {result.Replaced} people imported before for those cases).");
            return 0;
        });
        return new Command("import", "Import data from other systems") { served };
    }
}
