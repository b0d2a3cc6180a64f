using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>What a customer's data-collector container holds cannot make a system's telemetry state grow without bound.</summary>
public sealed class PulledTelemetryLimitsTests : IAsyncLifetime
{
    private const string Prefix = "modelDataCollector/wide-endpoint/blue/model_inputs";
    private const int Rows = 3;
    private ApiTestHost _host = null!;
    private BlobContainerClient _container = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync();
        _container = new BlobServiceClient(await AzuriteFixture.ConnectionStringAsync()).GetBlobContainerClient("azureml" + Guid.NewGuid().ToString("N")[..10]);
        await _container.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await _container.DeleteIfExistsAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task EverNewColumnNames_KeepTheStateBounded_AndTheirValuesAreCountedAsIgnored()
    {
        var vendor = await RegisterAsync("wide-pull");
        await WriteFileAsync(1, Enumerable.Range(0, 1000).Select(i => $"f{i}"));
        await _host.SweepAsync();
        var capped = await StateAsync("wide-pull");

        for (var file = 2; file <= 5; file++)
        {
            await WriteFileAsync(file, Enumerable.Range(file * 1000, 1000).Select(i => $"f{i}"));
            await _host.SweepAsync();
        }

        var after = await StateAsync("wide-pull");
        Assert.True(after.Bytes < capped.Bytes + 4096, $"state grew from {capped.Bytes} to {after.Bytes} bytes with ever-new column names");
        Assert.Equal(4 * 1000 * Rows, after.Json["ignoredValues"]!.GetValue<long>());
        var status = await _host.JsonAsync(HttpMethod.Get, "/api/systems/wide-pull/status", vendor);
        Assert.Equal(5 * Rows, status.GetProperty("telemetry").GetProperty("openWindowRows").GetInt64());
    }

    [Fact]
    public async Task RecordsFarAhead_CountAsMalformed_AndAFutureHourFolderDoesNotHideLaterData()
    {
        var vendor = await RegisterAsync("future-pull");
        await WriteAsync("2026/11/26/08/part-0001.jsonl", ("2026-11-26T08:00:00Z", Data(3)), ("2100-01-01T00:00:00Z", Data(4)));
        await WriteAsync("2100/01/01/00/part-0001.jsonl", ("2100-01-01T00:00:00Z", Data(5)));
        await _host.SweepAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(30));
        await WriteAsync("2026/11/26/08/part-0002.jsonl", ("2026-11-26T08:20:00Z", Data(2)));
        await _host.SweepAsync();

        var telemetry = (await _host.JsonAsync(HttpMethod.Get, "/api/systems/future-pull/status", vendor)).GetProperty("telemetry");
        Assert.Equal(1, telemetry.GetProperty("malformedLines").GetInt64());
        Assert.Equal(5, telemetry.GetProperty("openWindowRows").GetInt64());
    }

    private async Task<string> RegisterAsync(string id)
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var sas = RealClockSas.ReadAndList(_container);
        var body = JsonNode.Parse(JsonSerializer.Serialize(SystemBodies.Registration(id, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), heartbeatPeriod: "P1D"), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = JsonNode.Parse($$"""{"inferenceLog":{"containerUri":"{{sas.AbsoluteUri}}","prefix":"{{Prefix}}"},"driftWindow":"PT1H"}""");
        await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, body.ToJsonString(), 201);
        return vendor;
    }

    private Task WriteFileAsync(int number, IEnumerable<string> columns)
    {
        var names = columns.ToArray();
        var data = new JsonArray([.. Enumerable.Range(0, Rows).Select(r => (JsonNode)new JsonObject(names.Select((n, c) => KeyValuePair.Create(n, (JsonNode?)JsonValue.Create(r + c)))))]);
        return WriteAsync($"2026/11/26/08/part-{number:D4}.jsonl", ("2026-11-26T08:00:00Z", data));
    }

    private async Task WriteAsync(string hourPath, params (string Time, JsonArray Data)[] records)
    {
        var lines = records.Select(r => new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = Guid.NewGuid().ToString(),
            ["type"] = "azureml.inference.model_inputs",
            ["time"] = r.Time,
            ["modelversion"] = "1.4.0",
            ["data"] = r.Data,
        }.ToJsonString());
        await _container.GetBlobClient($"{Prefix}/{hourPath}").UploadAsync(BinaryData.FromString(string.Join('\n', lines) + "\n"), overwrite: true);
    }

    private static JsonArray Data(int rows) => new([.. Enumerable.Range(0, rows).Select(r => (JsonNode)new JsonObject { ["x"] = r, ["plan"] = "pro" })]);

    private async Task<(long Bytes, JsonNode Json)> StateAsync(string id)
    {
        var prefix = _host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix.ToLowerInvariant();
        var blob = new BlobServiceClient(await AzuriteFixture.ConnectionStringAsync()).GetBlobContainerClient(prefix + "telemetry").GetBlobClient($"{id}/state.json");
        var content = (await blob.DownloadContentAsync()).Value.Content;
        return (content.ToMemory().Length, JsonNode.Parse(content.ToString())!);
    }
}
