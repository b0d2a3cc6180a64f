using Azure.Storage.Blobs;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>One system whose pull fails is counted in the sweep's systemsFailed; the other systems are still pulled and evaluated.</summary>
public sealed class PullFailureIsolationTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Sweep_WhenOneSystemsTelemetryStateIsUnreadable_CountsItAsFailed_AndGoesOn()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var handover = _host.Time.GetUtcNow().AddDays(-30);
        foreach (var id in new[] { "broken-state", "fine-state" })
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
                SystemBodies.Registration(id, "contoso-ml", "acme", handover, heartbeatPeriod: "P1D"), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!.AsObject();
            body["telemetry"] = new System.Text.Json.Nodes.JsonObject { ["driftWindow"] = "PT1H" };
            var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, body.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
            await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{id}/telemetry?batchId=b1", ingest, new[] { new { plan = "basic", score = 1 } }, 202);
        }

        var prefix = _host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix.ToLowerInvariant();
        var state = _host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(prefix + "telemetry").GetBlobClient("broken-state/state.json");
        await state.UploadAsync(BinaryData.FromString("{ not json"), overwrite: true);

        var summary = await _host.SweepAsync();

        Assert.Equal(1, summary.GetProperty("systemsFailed").GetInt32());
        Assert.Equal(2, summary.GetProperty("systemsEvaluated").GetInt32());
    }
}
