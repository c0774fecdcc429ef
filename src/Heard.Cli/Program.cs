using System.CommandLine;
using Heard.Cli.Commands;

var root = new RootCommand("heard: Heard's command-line tool");
DatabaseCommands.AddTo(root);
return await root.Parse(args).InvokeAsync();
