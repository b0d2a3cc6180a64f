using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// A reference with the model's outputs and targets → rows pushed with predictions, probabilities and some targets →
/// the window closes → GET drift shows its realized and estimated performance, and the sweep delivers a signed
/// <c>performance-at-risk</c> (the estimate fell below the reference chunks' band) to the customer's webhook.
/// </summary>
public sealed class PerformanceAtCloseJourneyTests : IAsyncLifetime
{
    private const string SystemId = "perf-churn";
    private ApiTestHost _host = null!;
    private TestWebhookReceiver _customerHook = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _customerHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/customer");
    }

    public async Task DisposeAsync()
    {
        await _customerHook.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task PushedPredictions_WhenTheWindowCloses_ShowRealizedAndEstimatedPerformance_AndAnEstimateOutsideTheBandOpensPerformanceAtRisk()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var body = JsonNode.Parse(JsonSerializer.Serialize(
            SystemBodies.Registration(SystemId, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), _customerHook.Url, _customerHook.Secret, heartbeatPeriod: "P1D"),
            new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = JsonNode.Parse("""{"driftWindow":"PT1H"}""");
        body["performance"] = JsonNode.Parse("""{"task":"binary-classification","prediction":"churn_pred","probability":"churn_proba","target":"churned","chunkRows":250}""");
        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, body.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/heartbeats", ingest, new { status = "ok" }, 202);
        using (var upload = await _host.SendAsync(HttpMethod.Put, $"/api/systems/{SystemId}/reference", vendor, configure: r => r.Content = new StringContent(ReferenceCsv(1000), Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        // The model has gone blind: every row gets the same probability, so it can no longer rank churners first.
        var rows = Enumerable.Range(0, 200).Select(i => i < 100
            ? (object)new { age = 20 + (i % 50), churn_pred = i % 2, churn_proba = 0.5, correlationid = $"req-{i}", churned = i % 4 == 0 ? 1 : 0 }
            : new { age = 20 + (i % 50), churn_pred = i % 2, churn_proba = 0.5, correlationid = $"req-{i}" }).ToArray();
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/telemetry?batchId=b-1", ingest, rows, 202);
        _host.Time.Advance(TimeSpan.FromMinutes(61));
        await _host.SweepAsync();

        var window = Assert.Single((await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{SystemId}/drift", vendor)).GetProperty("items").EnumerateArray());
        var performance = window.GetProperty("performance");
        Assert.Equal((200L, 100L), (performance.GetProperty("rows").GetInt64(), performance.GetProperty("labeledRows").GetInt64()));
        Assert.Equal(0.5, performance.GetProperty("realized").GetProperty("roc_auc").GetDouble(), 9);
        Assert.Equal(0.25, performance.GetProperty("realized").GetProperty("accuracy").GetDouble(), 9);
        Assert.Equal(0.5, performance.GetProperty("estimated").GetProperty("roc_auc").GetDouble(), 9);
        var lower = performance.GetProperty("thresholds").GetProperty("roc_auc").GetProperty("lower").GetDouble();
        Assert.InRange(lower, 0.6, 1);
        Assert.Contains(performance.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("metric").GetString() == "roc_auc" && a.GetProperty("source").GetString() == "estimated");
        Assert.Contains(performance.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("metric").GetString() == "roc_auc" && a.GetProperty("source").GetString() == "realized");

        var atRisk = Assert.Single(_customerHook.Requests, r => r.Body.Contains("performance-at-risk", StringComparison.Ordinal));
        Assert.True(atRisk.SignatureValid, atRisk.SignatureFailure);
        Assert.Contains("\"alert.opened\"", atRisk.Body, StringComparison.Ordinal);
        var status = await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{SystemId}/status", vendor);
        Assert.Contains(status.GetProperty("openAlerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "performance-at-risk");
        Assert.Contains(status.GetProperty("openAlerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "performance-degraded");
        var estimated = status.GetProperty("telemetry").GetProperty("performance").GetProperty("estimated");
        Assert.Equal("roc_auc", Assert.Single(estimated.GetProperty("breaches").EnumerateArray()).GetProperty("metric").GetString());
    }

    [Fact]
    public async Task ASystemWithoutPerformanceSettings_HasWindowsWithPerformanceNull()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, SystemBodies.Registration("plain-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), 201)).GetProperty("ingestKey").GetString()!;
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/plain-sys/telemetry?batchId=b-1", ingest, new[] { new { x = 1.5, churn_pred = 1 } }, 202);
        _host.Time.Advance(TimeSpan.FromDays(1));
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/plain-sys/telemetry?batchId=b-2", ingest, new[] { new { x = 2.5 } }, 202);
        var sweep = await _host.SweepAsync();

        var windows = (await _host.JsonAsync(HttpMethod.Get, "/api/systems/plain-sys/drift", vendor)).GetProperty("items");
        if (windows.GetArrayLength() != 1)
        {
            // This assertion failed once in CI and never again: the failure names what the pull saw, for the next person.
            var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/plain-sys/status", vendor);
            Assert.Fail($"Expected one closed window, got {windows}; sweep: {sweep}; system status: {status}");
        }

        Assert.Equal(JsonValueKind.Null, windows[0].GetProperty("performance").ValueKind);
    }

    [Fact]
    public async Task OpenApi_DescribesTheWindowsPerformance_AndTheStatusVerdicts()
    {
        var schemas = (await _host.JsonAsync(HttpMethod.Get, "/api/openapi.json", key: null)).GetProperty("components").GetProperty("schemas");

        Assert.True(schemas.GetProperty("DriftWindowResponse").GetProperty("properties").TryGetProperty("performance", out _));
        var performance = schemas.GetProperty("WindowPerformanceResponse").GetProperty("properties");
        Assert.All(["rows", "labeledRows", "realized", "estimated", "thresholds", "alerts"], p => Assert.True(performance.TryGetProperty(p, out _), p));
        Assert.True(schemas.GetProperty("TelemetryStatusResponse").GetProperty("properties").TryGetProperty("performance", out _));
    }

    /// <summary>A model right four times in five whose probabilities rank well: 0.8–0.86 for predicted churners, 0.2–0.26 for the rest.</summary>
    private static string ReferenceCsv(int rows)
    {
        var csv = new StringBuilder("age,churn_pred,churn_proba,churned\n");
        for (var i = 0; i < rows; i++)
        {
            var pred = i % 2;
            var proba = (pred == 1 ? 0.8 : 0.2) + ((i % 7) / 100.0);
            var target = i % 5 == 0 ? 1 - pred : pred;
            csv.Append(CultureInfo.InvariantCulture, $"{20 + (i % 50)},{pred},{proba},{target}\n");
        }

        return csv.ToString();
    }
}
