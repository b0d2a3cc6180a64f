using GapMonitor.Cli.Serve;
using Spectre.Console;

namespace GapMonitor.Cli.Demo;

/// <summary>
/// Starts storage, the service on http://127.0.0.1:7071 and a local webhook receiver, seeds the fleet, lets the story play
/// out (about a minute of real time, with short periods), shows who was told what, then keeps serving until Ctrl+C.
/// </summary>
internal static class DemoRunner
{
    private const string ServiceUrl = "http://127.0.0.1:7071";

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(CliEnvironment.DataDirectory, "demo");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        var mailDirectory = Path.Combine(dataDirectory, "mail");
        var webhookLog = Path.Combine(dataDirectory, "webhooks.log");
        var adminKey = "gm_admin_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var secrets = DemoFleet.Receivers.ToDictionary(r => r, _ => DemoFleet.NewSecret());

        AnsiConsole.Write(new Rule("[bold deepskyblue1]GapMonitor demo[/]").LeftJustified());
        AnsiConsole.MarkupLine("The watchdog for the operations gap after ML model handover. Periods are shortened to seconds so the story fits in a minute.\n");

        await using var receiver = await DemoWebhookReceiver.StartAsync(secrets, webhookLog, cancellationToken);
        var settings = new StandaloneHostSettings(CliEnvironment.RepositoryRoot, dataDirectory)
        {
            Urls = ServiceUrl,
            Overrides =
            {
                ["GapMonitor:AdminApiKey"] = adminKey,
                ["GapMonitor:Webhooks:AllowPrivateNetworks"] = "true",
                ["GapMonitor:Email:PickupDirectory"] = mailDirectory,
                ["GapMonitor:SweepSchedule"] = "*/15 * * * * *",
                ["GapMonitor:DeliverySchedule"] = "*/5 * * * * *",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            },
        };

        await using var app = await AnsiConsole.Status().StartAsync("Starting Azurite and the service…", _ => StandaloneHost.BuildAsync([], settings, cancellationToken));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Could not listen on {ServiceUrl}: {ex.Message}[/] Is another gapmonitor running?");
            return 1;
        }

        AnsiConsole.MarkupLineInterpolated($"Service and web console at [link]{ServiceUrl}/[/] (the keys to sign in with are printed at the end).\n");
        using var http = new HttpClient { BaseAddress = new Uri(ServiceUrl) };
        var api = new DemoApiClient(http);
        var story = new DemoStory(api, adminKey, receiver, secrets);
        await story.PlayAsync(cancellationToken);

        await DemoReport.ShowAsync(api, adminKey, story, receiver, mailDirectory, webhookLog, cancellationToken);
        await ShowConsoleAsync(story, adminKey, cancellationToken);

        AnsiConsole.Write(new Rule("[bold]The service keeps running[/]").LeftJustified());
        AnsiConsole.MarkupLineInterpolated($"Console at [link]{ServiceUrl}/[/], API at [link]{ServiceUrl}/api[/], OpenAPI at [link]{ServiceUrl}/api/openapi.json[/]. Healthy systems keep sending heartbeats. [bold]Ctrl+C[/] stops everything.");
        AnsiConsole.MarkupLineInterpolated($"From another terminal, the ops CLI: [bold]GAPMONITOR_KEY={story.Keys["vendor contoso-ml"]} ./gapmonitor fleet[/] (also [bold]status[/], [bold]alerts --state open[/], [bold]ack[/], [bold]silence[/], [bold]confirm-ownership[/]).");
        try
        {
            await story.KeepHealthyAliveAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("\nStopping…");
        }

        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    /// <summary>The story's last scene: the console, signed in as the vendor, shows its fleet.</summary>
    private static async Task ShowConsoleAsync(DemoStory story, string adminKey, CancellationToken cancellationToken)
    {
        const string Vendor = "contoso-ml";
        var vendorKey = story.Keys[$"vendor {Vendor}"];
        AnsiConsole.Write(new Rule("[bold]The web console[/]").LeftJustified());
        foreach (var line in DemoConsole.SignInLines(new Uri(ServiceUrl), Vendor, vendorKey, adminKey, DemoFleet.DriftingSystem))
        {
            AnsiConsole.MarkupLineInterpolated($"{line}");
        }

        var fleet = await new DemoConsole(new Uri(ServiceUrl)).OpenFleetAsync(vendorKey, cancellationToken);
        if (fleet.Failure is { } failure)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]The console did not show the fleet: {failure}[/]");
            return;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]✓[/] Open [link]{fleet.Address}[/] — signed in as [bold]{fleet.SignedInAs}[/], the console shows the fleet: {fleet.Systems.Count} systems ({string.Join(", ", fleet.Systems)}), lapsed first.");
    }
}
