using System.CommandLine;
using System.CommandLine.Invocation;
using Heard.Cli.Commands;

var root = new RootCommand("heard: the command-line tool of Heard (complaints, feedback and subject access requests).");
DatabaseCommands.AddTo(root);
foreach (var command in CalendarCommands.Build())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);

// Bad input gets its message on stderr and a non-zero exit, not a page of help on stdout that a script would read.
if (parsed.Action is ParseErrorAction parseError)
{
    parseError.ShowHelp = false;
}

return await parsed.InvokeAsync();
