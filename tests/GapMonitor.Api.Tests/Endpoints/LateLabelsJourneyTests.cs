using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Testing;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// Concept drift seen only through late labels: the data collector's <c>model_inputs</c> and <c>model_outputs</c> in
/// Azurite look like the reference, the window closes with outputs but no labels (nothing realized, nothing wrong),
/// then two days later the labels arrive, the window's realized metrics collapse, and the sweep delivers a signed
/// <c>performance-degraded</c> webhook to the customer.
/// </summary>
public sealed class LateLabelsJourneyTests : IAsyncLifetime
{
    private const string SystemId = "late-churn";
    private const string Deployment = "modelDataCollector/churn-endpoint/blue";
    private const int Rows = 200;
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
    public async Task LabelsPostedTwoDaysAfterTheWindowClosed_UpdateItsRealizedMetrics_AndASignedPerformanceDegradedIsDelivered()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var body = JsonNode.Parse(JsonSerializer.Serialize(
            SystemBodies.Registration(SystemId, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), _customerHook.Url, _customerHook.Secret, heartbeatPeriod: "P7D"),
            new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        var sas = RealClockSas.ReadAndList(_container);
        body["telemetry"] = JsonNode.Parse($$"""{"inferenceLog":{"containerUri":"{{sas.AbsoluteUri}}","prefix":"{{Deployment}}/model_inputs"},"driftWindow":"PT1H","staleAfter":"P7D"}""");
        body["performance"] = JsonNode.Parse("""{"task":"binary-classification","prediction":"churn_pred","probability":"churn_proba","target":"churned","chunkRows":250}""");
        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, body.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/heartbeats", ingest, new { status = "ok" }, 202);
        using (var upload = await _host.SendAsync(HttpMethod.Put, $"/api/systems/{SystemId}/reference", vendor, configure: r => r.Content = new StringContent(ReferenceCsv(1000), Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var hour = new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);
        await WriteAsync("model_inputs", hour, Records(hour, "model_inputs", i => new { age = 20 + (i % 50) }));
        await WriteAsync("model_outputs", hour, Records(hour, "model_outputs", i => new { churn_pred = Predicted(i), churn_proba = Probability(i) }));
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await _host.SweepAsync();

        // The window closed with every output and no label: performance has rows, nothing realized, no alert about it.
        var closed = Window(await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{SystemId}/drift", vendor)).GetProperty("performance");
        Assert.Equal((Rows, 0L), (closed.GetProperty("rows").GetInt64(), closed.GetProperty("labeledRows").GetInt64()));
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("realized").ValueKind);
        Assert.Equal(JsonValueKind.Object, closed.GetProperty("estimated").ValueKind);
        Assert.DoesNotContain(_customerHook.Requests, r => r.Body.Contains("performance-", StringComparison.Ordinal));

        // Two days later the ground truth arrives: the world changed, the model is now wrong four times in five.
        _host.Time.Advance(TimeSpan.FromDays(2));
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/heartbeats", ingest, new { status = "ok" }, 202);
        var labels = Enumerable.Range(0, Rows).Select(i => new { correlationId = $"req-{i}", target = i % 5 == 0 ? Predicted(i) : 1 - Predicted(i) }).ToArray();
        var posted = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=truth-2026-11-28", ingest, labels, 200);
        Assert.Equal((Rows, Rows, 0, 1, false), (posted.GetProperty("received").GetInt32(), posted.GetProperty("matched").GetInt32(), posted.GetProperty("unmatched").GetInt32(), posted.GetProperty("windowsUpdated").GetInt32(), posted.GetProperty("duplicate").GetBoolean()));

        var labeled = Window(await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{SystemId}/drift", vendor)).GetProperty("performance");
        Assert.Equal((Rows, Rows), (labeled.GetProperty("rows").GetInt64(), labeled.GetProperty("labeledRows").GetInt64()));
        var realized = labeled.GetProperty("realized");
        Assert.Equal(0.2, realized.GetProperty("accuracy").GetDouble(), 9);
        Assert.InRange(realized.GetProperty("roc_auc").GetDouble(), 0, 0.5);
        var lower = labeled.GetProperty("thresholds").GetProperty("roc_auc").GetProperty("lower").GetDouble();
        Assert.True(realized.GetProperty("roc_auc").GetDouble() < lower);
        Assert.Contains(labeled.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("metric").GetString() == "roc_auc" && a.GetProperty("source").GetString() == "realized");

        await _host.SweepAsync();

        var degraded = Assert.Single(_customerHook.Requests, r => r.Body.Contains("performance-degraded", StringComparison.Ordinal));
        Assert.True(degraded.SignatureValid, degraded.SignatureFailure);
        Assert.Contains("\"alert.opened\"", degraded.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(_customerHook.Requests, r => r.Body.Contains("performance-at-risk", StringComparison.Ordinal));
        var again = await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/labels?batchId=truth-2026-11-28", ingest, labels, 200);
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, again.GetProperty("windowsUpdated").GetInt32());
    }

    private static int Predicted(int i) => i % 2;

    /// <summary>Confident and well ranked like the reference: 0.8–0.86 for predicted churners, 0.2–0.26 for the rest.</summary>
    private static double Probability(int i) => (Predicted(i) == 1 ? 0.8 : 0.2) + ((i % 7) / 100.0);

    private static JsonElement Window(JsonElement list) => Assert.Single(list.GetProperty("items").EnumerateArray());

    private Task WriteAsync(string folder, DateTimeOffset hour, string content) =>
        _container.GetBlobClient($"{Deployment}/{folder}/{hour.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture)}/part-0001.jsonl")
            .UploadAsync(BinaryData.FromString(content), overwrite: true);

    /// <summary>One data-collector record a request, in the window 07:00–08:00 (not ahead of the service clock, then 08:00).</summary>
    private static string Records(DateTimeOffset hour, string type, Func<int, object> row) => string.Concat(Enumerable.Range(0, Rows).Select(i => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["specversion"] = "1.0",
        ["id"] = $"{type}-{i}",
        ["source"] = "/subscriptions/x/endpoints/churn-endpoint",
        ["type"] = "azureml.inference." + type,
        ["time"] = hour.AddSeconds(i * 10).ToString("O", CultureInfo.InvariantCulture),
        ["modelversion"] = "1.4.0",
        ["correlationid"] = $"req-{i}",
        ["data"] = new[] { row(i) },
    }) + "\n"));

    /// <summary>A model right four times in five whose probabilities rank well, on inputs like the window's.</summary>
    private static string ReferenceCsv(int rows)
    {
        var csv = new StringBuilder("age,churn_pred,churn_proba,churned\n");
        for (var i = 0; i < rows; i++)
        {
            var target = i % 5 == 0 ? 1 - Predicted(i) : Predicted(i);
            csv.Append(CultureInfo.InvariantCulture, $"{20 + (i % 50)},{Predicted(i)},{Probability(i)},{target}\n");
        }

        return csv.ToString();
    }
}
