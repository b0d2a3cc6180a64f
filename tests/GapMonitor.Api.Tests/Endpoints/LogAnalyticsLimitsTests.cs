using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Infrastructure.LogAnalytics;
using GapMonitor.Testing.LogAnalytics;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// What a workspace query returns is the tenant's text and times: the real query client against the fake Log Analytics
/// service (HTTPS on loopback) answers with oversized fields and a run dated far ahead.
/// </summary>
public sealed class LogAnalyticsLimitsTests : IAsyncLifetime
{
    private const string Workspace = "0c9f0a1b-5d1c-4f7a-9a51-6f0b2b4e2c3d";
    private FakeLogAnalyticsService _service = null!;
    private ApiTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _service = await FakeLogAnalyticsService.StartAsync();
        _host = await ApiTestHost.StartAsync(configureServices: s => s.AddSingleton(
            new LogAnalyticsQueryClient(_service.Endpoint, new FixedTokenCredential("test-token"), _service.ClientOptions())));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task OversizedMessagesAndDeploymentFields_AreStoredTruncated_AndRunsFarAheadAreSkipped()
    {
        var now = _host.Time.GetUtcNow();
        var hugeMessage = "job crashed: " + new string('m', 70_000);
        var hugeVersion = "2." + new string('v', 70_000);
        var runs = new[] { (now.AddHours(-2), "fail", hugeMessage), (new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), "ok", "from the future") };
        var deployments = new[] { (now.AddHours(-3), hugeVersion, new string('e', 70_000), new string('b', 70_000)) };
        _service.Responder = request => JsonNode.Parse(request.Body)!["query"]!.GetValue<string>() == DefaultQueries.Deployments
            ? Table(["TimeGenerated", "ModelVersion", "Environment", "By"], deployments.Select(d => new[] { Time(d.Item1), d.Item2, d.Item3, d.Item4 }))
            : Table(["TimeGenerated", "Status", "Message"], runs.Select(r => new[] { Time(r.Item1), r.Item2, r.Item3 }));

        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, new { workspaces = new[] { Workspace } });
        var body = JsonNode.Parse(JsonSerializer.Serialize(
            SystemBodies.Registration("la-big", "contoso-ml", "acme", now.AddDays(-30), heartbeatPeriod: "PT6H"), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = JsonNode.Parse($$$"""{"logAnalytics":{"workspaceId":"{{{Workspace}}}"}}""");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, body.ToJsonString(), 201);

        await _host.SweepAsync();

        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/la-big/status", vendor);
        var heartbeat = status.GetProperty("heartbeat");
        Assert.True(heartbeat.TryGetProperty("lastStatus", out var lastStatus), $"no heartbeat recorded: {heartbeat}");
        Assert.Equal("fail", lastStatus.GetString());
        Assert.Equal(now.AddHours(-2), heartbeat.GetProperty("lastAt").GetDateTimeOffset());
        var message = heartbeat.GetProperty("lastMessage").GetString()!;
        Assert.StartsWith("job crashed: mmm", message, StringComparison.Ordinal);
        Assert.EndsWith("[truncated]", message, StringComparison.Ordinal);
        Assert.True(message.Length <= 2000, $"{message.Length} characters");
        var version = status.GetProperty("lastDeployment").GetProperty("modelVersion").GetString()!;
        Assert.StartsWith("2.vvv", version, StringComparison.Ordinal);
        Assert.True(version.Length <= 100, $"{version.Length} characters");
        Assert.DoesNotContain(status.GetProperty("openAlerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "monitoring-silent");

        var queried = _service.Requests.Count;
        await _host.SweepAsync();
        Assert.True(_service.Requests.Skip(queried).All(r => FakeWorkspaceData.TimespanOf(r.Body).From >= now - TimeSpan.FromMinutes(11)), "the pull moved on instead of retrying the same rows");
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static QueryReply Table(string[] columns, IEnumerable<string[]> rows) => new(200, new JsonObject
    {
        ["tables"] = new JsonArray(new JsonObject
        {
            ["name"] = "PrimaryResult",
            ["columns"] = new JsonArray([.. columns.Select((c, i) => (JsonNode)new JsonObject { ["name"] = c, ["type"] = i == 0 ? "datetime" : "string" })]),
            ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonArray([.. r.Select(v => (JsonNode?)JsonValue.Create(v))]))]),
        }),
    }.ToJsonString());
}
