using System.Text.Json;
using System.Text.Json.Nodes;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Scheduling;
using GapMonitor.Cli.Serve;
using GapMonitor.Functions.Tests.Support;

namespace GapMonitor.Functions.Tests;

/// <summary>Both hosts expose the same routes (method + path) and run the same timers on the same settings.</summary>
public sealed class HostParityTests
{
    [Fact]
    public async Task HttpTriggers_ComparedWithStandaloneHost_CoverTheSameRoutes()
    {
        await using var app = await Standalone.BuildAsync("UseDevelopmentStorage=true");
        var described = JsonNode.Parse(StandaloneHost.DescribeRoutes(app))!;
        var routes = described["routes"]!.AsArray();
        var standalone = routes.Where(r => r!["standaloneOnly"] is null).Select(r => $"{r!["method"]} {r["path"]}").ToHashSet(StringComparer.Ordinal);
        var standaloneOnly = routes.Where(r => r!["standaloneOnly"] is not null).Select(r => $"{r!["method"]} {r["path"]}").ToList();
        var functions = FunctionTriggers.Http
            .SelectMany(f => f.Trigger.Methods!.Select(m => $"{m.ToUpperInvariant()} /{(f.Trigger.Route == ConsoleRoutes.FunctionsHome ? ConsoleRoutes.Home : f.Trigger.Route)}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(standalone);
        Assert.Equal([$"GET {PrometheusScrapeEndpoint.Path}"], standaloneOnly);
        AssertSameSet(standalone, functions, "standalone host", "Functions app");
    }

    [Fact]
    public void TimerTriggers_ComparedWithStandaloneSchedules_AreTheSameTimersOnTheSameSettings()
    {
        var functions = FunctionTriggers.Timers.Select(t => $"{t.Name} {t.Trigger.Schedule}").ToHashSet(StringComparer.Ordinal);
        var standalone = Schedules.All.Select(s => $"{s.Key} %{s.Value}%").ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Schedules.All.Keys.Order(StringComparer.Ordinal), ScheduledJobs.Jobs.Keys.Order(StringComparer.Ordinal));
        AssertSameSet(standalone, functions, "standalone host", "Functions app");
    }

    /// <summary>The one documented exception: the Prometheus scrape endpoint (the Functions app exports to Azure Monitor).</summary>
    [Fact]
    public async Task StandaloneOnlyRoutes_AreOnlyThePrometheusScrapeEndpoint_AndNoTriggerServesIt()
    {
        await using var app = await Standalone.BuildAsync("UseDevelopmentStorage=true");
        var routes = JsonNode.Parse(StandaloneHost.DescribeRoutes(app))!["routes"]!.AsArray();

        var only = Assert.Single(routes, r => r!["standaloneOnly"] is not null)!;

        Assert.Equal("GET", only["method"]!.GetValue<string>());
        Assert.Equal(PrometheusScrapeEndpoint.Path, only["path"]!.GetValue<string>());
        Assert.DoesNotContain(FunctionTriggers.Http, f => "/" + f.Trigger.Route == PrometheusScrapeEndpoint.Path);
    }

    /// <summary>
    /// Both hosts consume the same queues, named by the same setting, with the same connection section, and the Functions
    /// host gives up on a message after as many dequeues as <c>gapmonitor serve --workers N</c> does.
    /// </summary>
    [Fact]
    public async Task QueueTriggers_ComparedWithStandaloneConsumers_AreTheSameQueuesOnTheSameSettings()
    {
        var functions = FunctionTriggers.Queues.Select(q => $"{q.Name} {q.Trigger.QueueName} {q.Trigger.Connection}").ToHashSet(StringComparer.Ordinal);
        var standalone = QueueConsumers.All.Select(q => $"{q.Key} %{q.Value}% {QueueConsumers.Connection}").ToHashSet(StringComparer.Ordinal);
        await using var app = await Standalone.BuildAsync("UseDevelopmentStorage=true");
        var described = JsonNode.Parse(StandaloneHost.DescribeRoutes(app))!["queues"]!.AsArray()
            .Select(q => $"{q!["name"]} %{q["setting"]}% {QueueConsumers.Connection}").ToHashSet(StringComparer.Ordinal);
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var queues = hostJson.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.NotEmpty(functions);
        AssertSameSet(standalone, functions, "standalone host", "Functions app");
        AssertSameSet(standalone, described, "standalone host", "routes --format json");
        Assert.Equal(Core.Sweeping.Shards.SweepQueueNames.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
    }

    /// <summary>
    /// The Functions host adds no prefix: action links (<c>/act/{token}</c>) and the console (<c>/</c>, <c>/ui/…</c>)
    /// live outside <c>/api</c>, so every API trigger names <c>api/</c> itself.
    /// </summary>
    [Fact]
    public void HostJson_RoutePrefix_IsEmpty_AndEveryOtherTriggerIsUnderTheApiPrefix()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

        var prefix = hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString();

        Assert.Equal(string.Empty, prefix);
        Assert.All(
            FunctionTriggers.Http.Where(f => f.Trigger.Route != PageRoutes.Act && f.Trigger.Route != ConsoleRoutes.FunctionsHome && !f.Trigger.Route!.StartsWith("ui/", StringComparison.Ordinal)),
            f => Assert.StartsWith(ApiRoutes.Prefix + "/", f.Trigger.Route, StringComparison.Ordinal));
    }

    /// <summary>
    /// The Functions host serves <c>GET /</c> only through a trigger whose route can only be empty (an empty route would
    /// become the function's name), with its own home page turned off in every place the app is configured.
    /// </summary>
    [Fact]
    public void ConsoleHome_IsServedAtTheRoot_WithTheHostsHomePageOff()
    {
        var home = Assert.Single(FunctionTriggers.Http, f => f.Name == "ConsoleHome");
        Assert.Equal(ConsoleRoutes.FunctionsHome, home.Trigger.Route);
        var template = Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(home.Trigger.Route!);
        var parameter = Assert.Single(template.Parameters);
        Assert.True(parameter.IsOptional);

        var root = Testing.RepositoryRoot.Path;
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "functions", "GapMonitor.Functions", "local.settings.sample.json")));
        Assert.Equal("true", settings.RootElement.GetProperty("Values").GetProperty("AzureWebJobsDisableHomepage").GetString());
        Assert.Contains("AzureWebJobsDisableHomepage: 'true'", File.ReadAllText(Path.Combine(root, "infra", "bicep", "modules", "function-app.bicep")), StringComparison.Ordinal);
    }

    private static void AssertSameSet(HashSet<string> expected, HashSet<string> actual, string expectedName, string actualName)
    {
        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"Only in the {expectedName}: [{string.Join(", ", missing)}]; only in the {actualName}: [{string.Join(", ", extra)}].");
    }
}
