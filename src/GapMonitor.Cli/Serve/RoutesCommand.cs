using System.CommandLine;

namespace GapMonitor.Cli.Serve;

/// <summary><c>gapmonitor routes --format json</c>: the routes and timers the standalone host serves (compared with the Functions app's metadata).</summary>
internal static class RoutesCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json");
        var command = new Command("routes", "Print the HTTP routes and timers of the standalone host.") { format };
        command.SetAction(async (_, cancellationToken) =>
        {
            var settings = new StandaloneHostSettings(CliEnvironment.RepositoryRoot, CliEnvironment.DataDirectory) { StartLocalStorage = false, RunSchedules = false };
            await using var app = await StandaloneHost.BuildAsync([], settings, cancellationToken);
            Console.WriteLine(StandaloneHost.DescribeRoutes(app));
            return 0;
        });
        return command;
    }
}
