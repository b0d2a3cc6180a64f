using System.CommandLine;

namespace GapMonitor.Cli.Serve;

/// <summary><c>gapmonitor serve [--urls …]</c>: the standalone host.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
        var command = new Command("serve", "Run the API and the timers on Kestrel (starts local Azurite when no storage is configured).") { urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new StandaloneHostSettings(CliEnvironment.RepositoryRoot, CliEnvironment.DataDirectory) { Urls = parse.GetValue(urls) };
            await using var app = await StandaloneHost.BuildAsync([], settings, cancellationToken);
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
