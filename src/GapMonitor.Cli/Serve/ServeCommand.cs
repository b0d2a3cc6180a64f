using System.CommandLine;

namespace GapMonitor.Cli.Serve;

/// <summary><c>gapmonitor serve [--urls …] [--workers N]</c>: the standalone host.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
        var workers = new Option<int>("--workers")
        {
            Description = "Sweep queue consumers in this process (0: the sweep timer only enqueues, other processes sweep).",
            DefaultValueFactory = _ => 1,
        };
        workers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 64)
            {
                result.AddError("--workers must be between 0 and 64.");
            }
        });
        var command = new Command("serve", "Run the API and the timers on Kestrel (starts local Azurite when no storage is configured).") { urls, workers };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new StandaloneHostSettings(CliEnvironment.RepositoryRoot, CliEnvironment.DataDirectory)
            {
                Urls = parse.GetValue(urls),
                Workers = parse.GetValue(workers),
            };
            await using var app = await StandaloneHost.BuildAsync([], settings, cancellationToken);
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
