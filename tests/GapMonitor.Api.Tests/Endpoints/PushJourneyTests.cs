using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// POST /telemetry answers 202 once its batch is written; the next pull (here the sweep) folds it into the drift window of
/// its record time, once, and the closed window shows it. A repeated batch id answers 200 duplicate and changes nothing,
/// before and after the pull.
/// </summary>
public sealed class PushJourneyTests : IAsyncLifetime
{
    private const string SystemId = "push-journey";
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Push_IsAcceptedAt202_FoldedAtTheNextPull_Once_AndShownByTheClosedWindow()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var body = JsonNode.Parse(JsonSerializer.Serialize(SystemBodies.Registration(SystemId, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), heartbeatPeriod: "P1D"), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = JsonNode.Parse("""{"driftWindow":"PT1H"}""");
        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, body.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
        using (var upload = await _host.SendAsync(HttpMethod.Put, $"/api/systems/{SystemId}/reference", vendor, configure: r => r.Content = new StringContent(Csv(50), Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var start = _host.Time.GetUtcNow();
        var rows = Enumerable.Range(0, 30).Select(i => new { age = 20 + i, plan = i % 2 == 0 ? "basic" : "pro" }).ToArray();
        var accepted = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/telemetry?batchId=b-1&modelVersion=2.0.1", ingest, rows, 202);
        var duplicate = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/telemetry?batchId=b-1&modelVersion=2.0.1", ingest, rows, 200);

        Assert.Equal((30L, false, start), (accepted.GetProperty("rows").GetInt64(), accepted.GetProperty("duplicate").GetBoolean(), accepted.GetProperty("windowStart").GetDateTimeOffset()));
        Assert.Equal((0L, true), (duplicate.GetProperty("rows").GetInt64(), duplicate.GetProperty("duplicate").GetBoolean()));
        Assert.Equal(0, (await TelemetryAsync(vendor)).GetProperty("openWindowRows").GetInt64());

        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await _host.SweepAsync();
        Assert.Equal(30, (await TelemetryAsync(vendor)).GetProperty("openWindowRows").GetInt64());
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/telemetry?batchId=b-1&modelVersion=2.0.1", ingest, rows, 200);
        using (var ndjson = await _host.SendAsync(HttpMethod.Post, $"/api/systems/{SystemId}/telemetry?modelVersion=2.0.1", ingest,
            configure: r => r.Content = new StringContent("{\"age\":61,\"plan\":\"pro\"}\n\n{\"age\":62,\"plan\":\"basic\"}\n", Encoding.UTF8, "application/x-ndjson")))
        {
            Assert.Equal(HttpStatusCode.Accepted, ndjson.StatusCode);
        }

        await _host.SweepAsync();
        var telemetry = await TelemetryAsync(vendor);
        Assert.Equal(32, telemetry.GetProperty("openWindowRows").GetInt64());
        Assert.Equal("2.0.1", telemetry.GetProperty("lastSeenModelVersion").GetString());

        _host.Time.Advance(TimeSpan.FromMinutes(55));
        await _host.SweepAsync();
        var window = Assert.Single((await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{SystemId}/drift", vendor)).GetProperty("items").EnumerateArray());
        Assert.Equal(start, window.GetProperty("windowStart").GetDateTimeOffset());
        Assert.Equal(32, window.GetProperty("rows").GetInt64());
        Assert.Equal(32, window.GetProperty("modelVersions").GetProperty("2.0.1").GetInt64());
        Assert.Equal(2, window.GetProperty("report").GetProperty("columns").GetArrayLength());
    }

    private async Task<JsonElement> TelemetryAsync(string key) =>
        (await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{SystemId}/status", key)).GetProperty("telemetry");

    private static string Csv(int rows) =>
        "age,plan\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"{20 + (i % 40)},{(i % 3 == 0 ? "pro" : "basic")}\n"));
}
