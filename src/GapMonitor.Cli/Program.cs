using System.CommandLine;
using GapMonitor.Cli.Demo;
using GapMonitor.Cli.Drift;
using GapMonitor.Cli.Ops;
using GapMonitor.Cli.Performance;
using GapMonitor.Cli.Serve;

var root = new RootCommand("GapMonitor — the watchdog for the operations gap after ML model handover.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
root.Subcommands.Add(RoutesCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(DriftCommand.Create());
root.Subcommands.Add(PerformanceCommand.Create());
foreach (var command in OpsCommands.Create(OpsContext.Process))
{
    root.Subcommands.Add(command);
}

var parse = root.Parse(args);
return PerformanceCommand.IsMisused(parse) ? await PerformanceCommand.ReportUsageAsync(parse, Console.Error) : await OpsCommands.InvokeAsync(parse);
