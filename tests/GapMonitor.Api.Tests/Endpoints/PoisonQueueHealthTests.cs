using Azure.Storage.Queues;
using GapMonitor.Api.Tests.Hosting;

namespace GapMonitor.Api.Tests.Endpoints;

/// <summary>Sweep shards that failed too often wait in the poison queue; health shows how many, over the real API.</summary>
public sealed class PoisonQueueHealthTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Health_WithShardsInThePoisonQueue_ShowsTheirNumber()
    {
        var before = await _host.JsonAsync(HttpMethod.Get, "/api/health", key: null);
        var poison = new QueueServiceClient(_host.StorageConnection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })
            .GetQueueClient($"{_host.TablePrefix.ToLowerInvariant()}-sweep-shards-poison");
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("""{"from":"a","to":"b"}""");
        await poison.SendMessageAsync("""{"from":"b"}""");

        var after = await _host.JsonAsync(HttpMethod.Get, "/api/health", key: null);

        Assert.Equal(0, before.GetProperty("poisonQueueDepth").GetInt64());
        Assert.Equal(2, after.GetProperty("poisonQueueDepth").GetInt64());
        Assert.Equal("ok", after.GetProperty("status").GetString());
    }
}
