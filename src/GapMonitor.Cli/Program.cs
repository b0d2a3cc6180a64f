using System.CommandLine;
using GapMonitor.Cli.Drift;

var root = new RootCommand("GapMonitor: watches handed-over ML systems for continuity gaps and drift.") { DriftCommand.Create() };
return await root.Parse(args).InvokeAsync();
