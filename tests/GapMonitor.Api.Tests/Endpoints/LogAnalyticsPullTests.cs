using System.Text.Json;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Infrastructure.LogAnalytics;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Monitoring runs and deployments found in the customer's Log Analytics workspace count as heartbeats and deployment
/// events. Log Analytics cannot run here: the query client is replaced by a fake answering in the documented wire
/// format (the client itself is tested against a local HTTPS listener in the infrastructure tests).
/// </summary>
public sealed class LogAnalyticsPullTests : IAsyncLifetime
{
    private const string Workspace = "6f0b2b4e-5d1c-4f7a-9a51-0c9f0a1b2c3d";
    private readonly FakeLogAnalytics _logAnalytics = new();
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ApiTestHost.StartAsync(configureServices: s => s.AddSingleton<LogAnalyticsQueryClient>(_logAnalytics));

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Sweep_WhenTheWorkspaceHasRunsAndDeployments_RecordsThemAsSignals()
    {
        var now = _host.Time.GetUtcNow();
        _logAnalytics.Deployments = [(now.AddHours(-3), "1.5.0", "prod", "ci@contoso.example")];
        _logAnalytics.Runs = [(now.AddHours(-2), "ok", "drift check passed"), (now.AddMinutes(-30), "fail", "job crashed")];
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, new { workspaces = new[] { Workspace } });
        var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(
            SystemBodies.Registration("la-sys", "contoso-ml", "acme", now.AddDays(-30), heartbeatPeriod: "P1D"), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = System.Text.Json.Nodes.JsonNode.Parse($$$"""{"logAnalytics":{"workspaceId":"{{{Workspace}}}"}}""");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, body.ToJsonString(), 201);

        await _host.SweepAsync();

        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/la-sys/status", vendor);
        Assert.Equal("fail", status.GetProperty("heartbeat").GetProperty("lastStatus").GetString());
        Assert.Equal("1.5.0", status.GetProperty("lastDeployment").GetProperty("modelVersion").GetString());
        Assert.Contains(status.GetProperty("openAlerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "monitoring-failing");
        Assert.All(_logAnalytics.Queries, q => Assert.Equal(Workspace, q.Workspace));
        Assert.Contains(_logAnalytics.Queries, q => q.Query == DefaultQueries.MonitoringRuns);

        var queried = _logAnalytics.Queries.Count;
        await _host.SweepAsync();
        Assert.True(_logAnalytics.Queries.Skip(queried).All(q => q.From >= now - TimeSpan.FromMinutes(11)), "the second pull starts where the first ended");
    }

    [Fact]
    public async Task Sweep_WhenTheAdminTookTheWorkspaceOffTheCustomersList_QueriesItNoMore()
    {
        var now = _host.Time.GetUtcNow();
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, new { workspaces = new[] { Workspace } });
        var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(
            SystemBodies.Registration("la-off", "contoso-ml", "acme", now.AddDays(-30), heartbeatPeriod: "P1D"), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = System.Text.Json.Nodes.JsonNode.Parse($$$"""{"logAnalytics":{"workspaceId":"{{{Workspace}}}"}}""");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, body.ToJsonString(), 201);
        await _host.JsonAsync(HttpMethod.Put, "/api/customers/acme/sources", ApiTestHost.AdminKey, new { workspaces = Array.Empty<string>() });

        await _host.SweepAsync();

        Assert.Empty(_logAnalytics.Queries);
        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/la-off/status", vendor);
        Assert.Contains("/api/customers/acme/sources", status.GetProperty("telemetry").GetProperty("lastPullError").GetString(), StringComparison.Ordinal);
    }

    private sealed class FakeLogAnalytics : LogAnalyticsQueryClient
    {
        public List<(DateTimeOffset At, string Version, string Environment, string By)> Deployments { get; set; } = [];

        public List<(DateTimeOffset At, string Status, string Message)> Runs { get; set; } = [];

        public List<(string Workspace, string Query, DateTimeOffset From, DateTimeOffset To)> Queries { get; } = [];

        public override async IAsyncEnumerable<LogQueryResult> QueryAllAsync(string workspaceId, string query, DateTimeOffset from, DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Queries.Add((workspaceId, query, from, to));
            await Task.Yield();
            var deployments = query == DefaultQueries.Deployments;
            var columns = deployments
                ? """[{"name":"TimeGenerated","type":"datetime"},{"name":"ModelVersion","type":"string"},{"name":"Environment","type":"string"},{"name":"By","type":"string"}]"""
                : """[{"name":"TimeGenerated","type":"datetime"},{"name":"Status","type":"string"},{"name":"Message","type":"string"}]""";
            var rows = deployments
                ? Deployments.Where(d => d.At >= from && d.At < to).Select(d => JsonSerializer.Serialize(new object[] { d.At.UtcDateTime.ToString("O"), d.Version, d.Environment, d.By }))
                : Runs.Where(r => r.At >= from && r.At < to).Select(r => JsonSerializer.Serialize(new object[] { r.At.UtcDateTime.ToString("O"), r.Status, r.Message }));
            var json = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":" + columns + ",\"rows\":[" + string.Join(",", rows) + "]}]}";
            yield return LogQueryResult.Parse(json, from, to);
        }
    }
}
