using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>
/// The standalone host deletes pushed blobs itself (Azurite runs no lifecycle policy): a pushed batch, folded by the
/// next sweep, is deleted once it is older than <c>PushedDays</c> (7), its batch-id marker once older than
/// <c>PushedMarkerDays</c> (30), and the drift window keeps its rows. Azurite stamps Last-Modified with its own clock,
/// so the host's fake clock is moved to the blob's Last-Modified plus an age.
/// </summary>
public sealed class PushedBlobRetentionJourneyTests : IAsyncLifetime
{
    private const string SystemId = "push-retention";
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task APushedBatch_IsDeletedAfterSevenDays_ItsMarkerAfterThirty_AndTheWindowKeepsItsRows()
    {
        var vendor = await _host.CreateKeyAsync("vendor", vendor: "contoso-ml");
        var body = JsonNode.Parse(JsonSerializer.Serialize(SystemBodies.Registration(SystemId, "contoso-ml", "acme", _host.Time.GetUtcNow().AddDays(-30), heartbeatPeriod: "P1D"), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        body["telemetry"] = JsonNode.Parse("""{"driftWindow":"PT1H"}""");
        var ingest = (await _host.JsonAsync(HttpMethod.Post, "/api/systems", vendor, body.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
        using (var upload = await _host.SendAsync(HttpMethod.Put, $"/api/systems/{SystemId}/reference", vendor, configure: r => r.Content = new StringContent(Csv(50), Encoding.UTF8, "text/csv")))
        {
            upload.EnsureSuccessStatusCode();
        }

        var rows = Enumerable.Range(0, 30).Select(i => new { age = 20 + i, plan = i % 2 == 0 ? "basic" : "pro" }).ToArray();
        await _host.JsonAsync(HttpMethod.Post, $"/api/systems/{SystemId}/telemetry?batchId=b-1", ingest, rows, 202);
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        await _host.SweepAsync();
        Assert.Single(await BlobsAsync($"pushed/{SystemId}/"));
        var marker = Assert.Single(await BlobsAsync($"pushed-batches/{SystemId}/"));

        _host.Time.SetUtcNow(marker.Properties.LastModified!.Value + TimeSpan.FromDays(8));
        await _host.SweepAsync();

        Assert.Empty(await BlobsAsync($"pushed/{SystemId}/"));
        Assert.Equal(marker.Name, Assert.Single(await BlobsAsync($"pushed-batches/{SystemId}/")).Name);
        var window = Assert.Single((await _host.JsonAsync(HttpMethod.Get, $"/api/systems/{SystemId}/drift", vendor)).GetProperty("items").EnumerateArray());
        Assert.Equal(30, window.GetProperty("rows").GetInt64());

        _host.Time.Advance(TimeSpan.FromDays(23));
        await _host.SweepAsync();

        Assert.Empty(await BlobsAsync($"pushed-batches/{SystemId}/"));
    }

    private async Task<List<BlobItem>> BlobsAsync(string prefix)
    {
        var container = new BlobContainerClient(_host.StorageConnection, _host.TablePrefix.ToLowerInvariant() + "pushedtelemetry");
        var items = new List<BlobItem>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            items.Add(item);
        }

        return items;
    }

    private static string Csv(int rows) =>
        "age,plan\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"{20 + (i % 40)},{(i % 3 == 0 ? "pro" : "basic")}\n"));
}
