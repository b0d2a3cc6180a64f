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
        var standalone = described["routes"]!.AsArray().Select(r => $"{r!["method"]} {r["path"]}").ToHashSet(StringComparer.Ordinal);
        var functions = FunctionTriggers.Http
            .SelectMany(f => f.Trigger.Methods!.Select(m => $"{m.ToUpperInvariant()} /{f.Trigger.Route}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(standalone);
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

    /// <summary>
    /// The Functions host adds no prefix: action links (<c>/act/{token}</c>) live outside <c>/api</c>, so every API
    /// trigger names <c>api/</c> itself.
    /// </summary>
    [Fact]
    public void HostJson_RoutePrefix_IsEmpty_AndEveryOtherTriggerIsUnderTheApiPrefix()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

        var prefix = hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString();

        Assert.Equal(string.Empty, prefix);
        Assert.All(
            FunctionTriggers.Http.Where(f => f.Trigger.Route != PageRoutes.Act),
            f => Assert.StartsWith(ApiRoutes.Prefix + "/", f.Trigger.Route, StringComparison.Ordinal));
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
