using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>
/// A push whose storage does not answer gives up after <see cref="BlobPushedTelemetryLog.WriteBudget"/> with a
/// storage-unavailable error (503, retry with the same batch id), so a blob never lands long after its name's time.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PushedWriteBudgetTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task APushWhoseStorageHangs_FailsAsUnavailable_OnceTheWriteBudgetHasPassed()
    {
        var options = new BlobClientOptions();
        options.AddPolicy(new HangUntilCancelled(), HttpPipelinePosition.PerCall);
        var blobs = new TelemetryBlobs(new BlobServiceClient(Azurite.ConnectionString, options), Options.Create(new StorageOptions { TablePrefix = TablePrefix }));
        var log = new BlobPushedTelemetryLog(blobs, Time, Options.Create(new RetentionOptions()));
        var batch = new PushedBatch("b-1", null, null, [System.Text.Json.JsonDocument.Parse("""{"x": 1}""").RootElement.Clone()]);

        var push = log.AppendAsync("budget", batch, Time.GetUtcNow(), Time.GetUtcNow());
        Time.Advance(BlobPushedTelemetryLog.WriteBudget - TimeSpan.FromSeconds(1));
        Assert.False(push.IsCompleted);
        Time.Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => push);
    }

    /// <summary>Storage that never answers: the request waits until it is cancelled, and never reaches the server.</summary>
    private sealed class HangUntilCancelled : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("Only the async pipeline is used.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await Task.Delay(Timeout.Infinite, message.CancellationToken);
            await ProcessNextAsync(message, pipeline);
        }
    }
}
