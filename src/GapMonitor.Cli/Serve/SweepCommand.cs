using System.CommandLine;
using System.Text.Json;

namespace GapMonitor.Cli.Serve;

/// <summary><c>gapmonitor sweep</c>: one pull → evaluate → deliver cycle against the configured storage, then exit.</summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var command = new Command("sweep", "Run one pull → evaluate → deliver cycle now and print the summary.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var settings = new StandaloneHostSettings(CliEnvironment.RepositoryRoot, CliEnvironment.DataDirectory) { RunSchedules = false };
            await using var app = await StandaloneHost.BuildAsync([], settings, cancellationToken);
            await app.StartAsync(cancellationToken);
            var summary = await app.Services.GetRequiredService<GapMonitor.Core.Sweeping.SweepService>().RunAsync(cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            await app.StopAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
