using System.CommandLine;

namespace GapMonitor.Cli.Demo;

/// <summary><c>gapmonitor demo</c>: a local fleet, sweeps, and a readable account of who was told what.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Start storage and the service on http://127.0.0.1:7071, seed a fleet, run sweeps and show what happened.");
        command.SetAction((_, cancellationToken) => DemoRunner.RunAsync(cancellationToken));
        return command;
    }
}
