using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Heard.Domain.Calendar;

namespace Heard.Cli.Commands;

/// <summary>
/// <c>heard calendar holidays</c> and <c>heard deadline</c>: the calendar and deadline engine from the command
/// line, for checking a date or an explanation without the web application.
/// </summary>
public static class CalendarCommands
{
    private const string IsoDate = "yyyy-MM-dd";

    /// <param name="loadCalendar">
    /// Where the calendar comes from; the built-in England and Wales calendar when null. The application can pass
    /// one that includes the administrators' changes stored in the database.
    /// </param>
    public static IReadOnlyList<Command> Build(Func<WorkingCalendar>? loadCalendar = null)
    {
        loadCalendar ??= () => WorkingCalendar.EnglandAndWales;
        return [CalendarCommand(loadCalendar), DeadlineCommand(loadCalendar)];
    }

    private static Command CalendarCommand(Func<WorkingCalendar> loadCalendar)
    {
        var from = new Option<int>("--from")
        {
            Description = $"First year to list ({WorkingCalendar.FirstSupportedDay.Year} to {WorkingCalendar.LastSupportedDay.Year}).",
            Required = true,
            CustomParser = SupportedYear,
        };
        var to = new Option<int>("--to")
        {
            Description = "Last year to list (defaults to the first).",
            CustomParser = SupportedYear,
        };

        var holidays = new Command("holidays", "List the bank holidays and closures of England and Wales, one ISO date and name a line.")
        {
            from,
            to,
        };
        holidays.Validators.Add(result =>
        {
            if (result.GetResult(to) is not null && result.GetValue(to) < result.GetValue(from))
            {
                result.AddError($"--to {result.GetValue(to)} is before --from {result.GetValue(from)}.");
            }
        });
        holidays.SetAction(parse =>
        {
            int first = parse.GetValue(from);
            int last = parse.GetResult(to) is null ? first : parse.GetValue(to);
            return Run(parse, output =>
            {
                var days = loadCalendar().NonWorkingDaysBetween(new DateOnly(first, 1, 1), new DateOnly(last, 12, 31));
                foreach (var day in days)
                {
                    output.WriteLine($"{day.Date.ToString(IsoDate, CultureInfo.InvariantCulture)} {day.Name}");
                }
            });
        });

        return new Command("calendar", "The working calendar: bank holidays and closures.") { holidays };
    }

    private static Command DeadlineCommand(Func<WorkingCalendar> loadCalendar)
    {
        var rule = new Option<DeadlineRule>("--rule")
        {
            Description = "The time limit: working-days:N, calendar-days:N or calendar-months:N.",
            Required = true,
            CustomParser = ParseRule,
        };
        var received = new Option<DateOnly>("--received")
        {
            Description = "The day of receipt, YYYY-MM-DD (day 0).",
            Required = true,
            CustomParser = result => ParseDate(result, "--received", result.Tokens.Single().Value),
        };
        var paused = new Option<ClockPause[]>("--paused")
        {
            Description = "A clock pause FROM..TO[:REASON] (YYYY-MM-DD..YYYY-MM-DD): the clock stops on FROM and runs again on TO, which counts. Repeatable.",
            CustomParser = ParsePauses,
        };

        var deadline = new Command("deadline", "Compute a due date and explain how it was reached.") { rule, received, paused };
        deadline.SetAction(parse => Run(parse, output =>
        {
            var result = DeadlineCalculator.Compute(
                loadCalendar(),
                parse.GetRequiredValue(rule),
                parse.GetValue(received),
                parse.GetValue(paused) ?? []);
            output.WriteLine(result.DueOn.ToString(IsoDate, CultureInfo.InvariantCulture));
            output.WriteLine(result.Explanation);
        }));

        return deadline;
    }

    /// <summary>Runs a verb, turning input the engine refuses into a message on stderr and exit code 1.</summary>
    private static int Run(ParseResult parse, Action<TextWriter> verb)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            verb(output);
            return 0;
        }
        catch (CalendarException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    private static int SupportedYear(ArgumentResult result)
    {
        string text = result.Tokens.Single().Value;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || year < WorkingCalendar.FirstSupportedDay.Year || year > WorkingCalendar.LastSupportedDay.Year)
        {
            result.AddError($"'{text}' is not a year from {WorkingCalendar.FirstSupportedDay.Year} to {WorkingCalendar.LastSupportedDay.Year}.");
            return 0;
        }

        return year;
    }

    private static DeadlineRule? ParseRule(ArgumentResult result)
    {
        try
        {
            return DeadlineRule.Parse(result.Tokens.Single().Value);
        }
        catch (CalendarException e)
        {
            result.AddError(e.Message);
            return null;
        }
    }

    private static DateOnly ParseDate(ArgumentResult result, string option, string text)
    {
        if (!DateOnly.TryParseExact(text, IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            result.AddError($"{option}: '{text}' is not a date in the form YYYY-MM-DD.");
        }

        return date;
    }

    private static ClockPause[] ParsePauses(ArgumentResult result)
    {
        var pauses = new List<ClockPause>();
        foreach (var token in result.Tokens)
        {
            // FROM..TO, optionally followed by :REASON for the explanation.
            var (span, reason) = token.Value.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
                ? (token.Value[..colon], token.Value[(colon + 1)..])
                : (token.Value, "reason not given");
            var ends = span.Split("..");
            if (ends.Length != 2)
            {
                result.AddError($"--paused: '{token.Value}' should be FROM..TO[:REASON], e.g. 2013-03-20..2013-03-25:waiting for clarification.");
                continue;
            }

            var stopped = ParseDate(result, "--paused", ends[0]);
            var restarted = ParseDate(result, "--paused", ends[1]);
            pauses.Add(new ClockPause(stopped, restarted, reason));
        }

        return [.. pauses];
    }
}
