using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Drift;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Reference upload → Azure ML data-collector files in Azurite → sweep (pull) → drift window closes → a signed
/// drift-detected webhook; the window's per-column results equal the drift engine run on the raw data (what the CLI does).
/// </summary>
public sealed class TelemetryDriftJourneyTests : IAsyncLifetime
{
    private const string Prefix = "modelDataCollector/churn-endpoint/blue/model_inputs";
    private ApiTestHost _host = null!;
    private TestWebhookReceiver _customerHook = null!;
    private BlobContainerClient _container = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _customerHook = TestWebhookReceiver.Start(timeProvider: _host.Time, path: "/customer");
        _container = new BlobServiceClient(await AzuriteFixture.ConnectionStringAsync()).GetBlobContainerClient("azureml" + Guid.NewGuid().ToString("N")[..10]);
        await _container.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await _container.DeleteIfExistsAsync();
        await _customerHook.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task DataCollectorLogs_WhenTheWindowCloses_ProduceTheCliReportAndASignedDriftAlert()
    {
        var random = new Random(7);
        var reference = Rows(random, 300, mean: 14, plans: ["basic", "pro", "enterprise"]);
        var current = Rows(random, 240, mean: 17.5, plans: ["basic", "basic", "pro"]);
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var sas = RealClockSas.ReadAndList(_container);
        var body = JsonSerializer.Serialize(SystemBodies.Registration("acme-churn", "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), _customerHook.Url, _customerHook.Secret, heartbeatPeriod: "P1D"), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var withTelemetry = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        withTelemetry["telemetry"] = System.Text.Json.Nodes.JsonNode.Parse($$"""{"inferenceLog":{"containerUri":"{{sas.AbsoluteUri}}","prefix":"{{Prefix}}"},"driftWindow":"PT1H"}""");
        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, withTelemetry.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/acme-churn/heartbeats", ingest, new { status = "ok" }, 202);

        using (var upload = await _host.SendAsync(HttpMethod.Put, "/api/systems/acme-churn/reference", vendor, configure: r => r.Content = new StringContent(Csv(reference), Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        await WriteDataCollectorFileAsync("2026/11/26/08/part-0001.jsonl", current[..120], malformed: true);
        await _host.SweepAsync();
        await WriteDataCollectorFileAsync("2026/11/26/08/part-0002.jsonl", current[120..], malformed: false);
        _host.Time.Advance(TimeSpan.FromMinutes(61));
        await _host.SweepAsync();

        var windows = await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-churn/drift", vendor);
        var window = Assert.Single(windows.GetProperty("items").EnumerateArray());
        Assert.Equal(240, window.GetProperty("rows").GetInt64());
        Assert.True(window.GetProperty("datasetDrift").GetBoolean());
        var expected = JsonDocument.Parse(DriftJsonWriter.Write(DriftCalculator.Compare(Columns(reference), Columns(current)))).RootElement;
        var actual = window.GetProperty("report");
        Assert.Equal(expected.GetProperty("datasetDrift").GetBoolean(), actual.GetProperty("datasetDrift").GetBoolean());
        foreach (var column in expected.GetProperty("columns").EnumerateArray())
        {
            var name = column.GetProperty("name").GetString();
            var mine = actual.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
            Assert.Equal(column.GetProperty("method").GetString(), mine.GetProperty("method").GetString());
            Assert.Equal(column.GetProperty("drifted").GetBoolean(), mine.GetProperty("drifted").GetBoolean());
            Assert.Equal(column.GetProperty("score").GetDouble(), mine.GetProperty("score").GetDouble(), 1e-9);
            Assert.Equal(column.GetProperty("statistics").GetProperty("psi").GetDouble(), mine.GetProperty("statistics").GetProperty("psi").GetDouble(), 1e-9);
        }

        var webhook = Assert.Single(_customerHook.Requests, r => r.Body.Contains("drift-detected", StringComparison.Ordinal));
        Assert.True(webhook.SignatureValid, webhook.SignatureFailure);
        Assert.Contains("\"alert.opened\"", webhook.Body, StringComparison.Ordinal);

        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/acme-churn/status", vendor);
        var telemetry = status.GetProperty("telemetry");
        Assert.Equal(1, telemetry.GetProperty("malformedLines").GetInt64());
        Assert.Equal("1.4.0", telemetry.GetProperty("lastSeenModelVersion").GetString());
        Assert.Contains(status.GetProperty("openAlerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "drift-detected");
        Assert.DoesNotContain(status.GetProperty("openAlerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "deployment-unannounced");
    }

    [Fact]
    public async Task PushedTelemetry_WithTheSameBatchId_IsCountedOnce()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, SystemBodies.Registration("push-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), 201)).GetProperty("ingestKey").GetString()!;
        var rows = new[] { new { x = 1.5, plan = "pro" }, new { x = 2.5, plan = "basic" } };
        var first = await _host.JsonAsync(HttpMethod.Post, "/api/systems/push-sys/telemetry?batchId=b-1", ingest, rows, 202);
        var again = await _host.JsonAsync(HttpMethod.Post, "/api/systems/push-sys/telemetry?batchId=b-1", ingest, rows, 200);
        Assert.Equal(2, first.GetProperty("rows").GetInt64());
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        using var ndjson = await _host.SendAsync(HttpMethod.Post, "/api/systems/push-sys/telemetry?batchId=b-2", ingest,
            configure: r => r.Content = new StringContent("{\"x\":3}\n{\"x\":4}\n", Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Accepted, ndjson.StatusCode);
        await _host.SweepAsync();
        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/push-sys/status", vendor);
        Assert.Equal(4, status.GetProperty("telemetry").GetProperty("openWindowRows").GetInt64());
        var bad = await _host.JsonAsync(HttpMethod.Post, "/api/systems/push-sys/telemetry", ingest, "{\"rows\":[1,2]}", 400);
        Assert.True(bad.GetProperty("errors").EnumerateObject().Any());
    }

    [Fact]
    public async Task Metrics_WithTheSameBatchId_AreStoredOnceAndListedNewestFirst()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, SystemBodies.Registration("metric-sys", "contoso-ml", "acme", _host.Time.GetUtcNow()), 201)).GetProperty("ingestKey").GetString()!;
        var batch = new
        {
            batchId = "nightly-2026-11-26",
            metrics = new object[]
            {
                new { name = "psi", value = 0.31, feature = "mean_radius", at = _host.Time.GetUtcNow().AddHours(-2) },
                new { name = "accuracy", value = 0.87, at = _host.Time.GetUtcNow().AddHours(-1) },
            },
        };
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/metric-sys/metrics", ingest, batch, 202);
        await _host.JsonAsync(HttpMethod.Post, "/api/systems/metric-sys/metrics", ingest, batch, 202);

        var listed = await _host.JsonAsync(HttpMethod.Get, "/api/systems/metric-sys/metrics", vendor);
        Assert.Equal(["accuracy", "psi"], listed.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("name").GetString()!));
        var bad = await _host.JsonAsync(HttpMethod.Post, "/api/systems/metric-sys/metrics", ingest, new { metrics = new object[] { new { name = "psi" } } }, 400);
        Assert.True(bad.GetProperty("errors").TryGetProperty("metrics[0].value", out _));
        await _host.JsonAsync(HttpMethod.Get, "/api/systems/metric-sys/metrics", await _host.CreateKeyAsync("customer", customer: "globex"), expectedStatus: 404);
    }

    private async Task WriteDataCollectorFileAsync(string hourPath, IReadOnlyList<(double Radius, string Plan)> rows, bool malformed)
    {
        var text = new StringBuilder();
        for (var i = 0; i < rows.Count; i += 20)
        {
            var data = rows.Skip(i).Take(20).Select(r => new Dictionary<string, object> { ["mean_radius"] = r.Radius, ["plan"] = r.Plan });
            text.Append(JsonSerializer.Serialize(new
            {
                specversion = "1.0",
                id = Guid.NewGuid().ToString(),
                source = "/subscriptions/x/endpoints/churn-endpoint",
                type = "azureml.inference.model_inputs",
                time = "2026-11-26T08:00:00Z", // not ahead of the service clock (then 08:00): that would count as malformed
                modelversion = "1.4.0",
                data,
            })).Append('\n');
            if (malformed && i == 0)
            {
                text.Append("{ not json\n");
            }
        }

        await _container.GetBlobClient($"{Prefix}/{hourPath}").UploadAsync(BinaryData.FromString(text.ToString()), overwrite: true);
    }

    private static (double Radius, string Plan)[] Rows(Random random, int count, double mean, string[] plans) =>
        [.. Enumerable.Range(0, count).Select(_ => (Math.Round(mean + (3.5 * Normal(random)), 3), plans[random.Next(plans.Length)]))];

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Csv(IEnumerable<(double Radius, string Plan)> rows) =>
        "mean_radius,plan\n" + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Radius:R},{r.Plan}\n")));

    private static List<ColumnData> Columns(IReadOnlyList<(double Radius, string Plan)> rows) =>
    [
        new NumericColumnData("mean_radius", [.. rows.Select(r => r.Radius)]),
        new CategoricalColumnData("plan", [.. rows.Select(r => (string?)r.Plan)]),
    ];
}
