using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Ports;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// One blob per closed window waiting for labels, <c>pending-predictions/{systemId}/{windowStartTicks:D19}.json</c> in
/// the telemetry container: the names sort oldest first, and each is replaced only under the ETag it was read with.
/// </summary>
public sealed class BlobPendingPredictionStore(TelemetryBlobs blobs) : IPendingPredictionStore
{
    private const string Folder = "pending-predictions/";

    public async Task CreateAsync(string systemId, DateTimeOffset windowStart, DateTimeOffset windowEnd, WindowPredictions predictions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        try
        {
            await blobs.State.GetBlobClient(Name(systemId, windowStart)).UploadAsync(
                new BinaryData(WindowPredictionsJson.Serialize(windowStart, windowEnd, predictions)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException($"Pending predictions of {systemId} from {windowStart:O} are already stored.", ex);
        }
    }

    public async IAsyncEnumerable<PendingPredictions> ListAsync(string systemId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in blobs.State.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix(systemId), cancellationToken))
        {
            if (await ReadAsync(systemId, item.Name, cancellationToken) is { } pending)
            {
                yield return pending;
            }
        }
    }

    public Task<PendingPredictions?> GetAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default) =>
        ReadAsync(systemId, Name(systemId, windowStart), cancellationToken);

    public async Task ReplaceAsync(PendingPredictions pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var blob = blobs.State.GetBlobClient(Name(pending.SystemId, pending.WindowStart));
        try
        {
            await blob.UploadAsync(
                new BinaryData(WindowPredictionsJson.Serialize(pending.WindowStart, pending.WindowEnd, pending.Predictions)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(pending.ETag) } },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            throw new ConcurrencyConflictException($"Pending predictions of {pending.SystemId} from {pending.WindowStart:O} changed concurrently.", ex);
        }
    }

    public async Task<int> PruneAsync(string systemId, DateTimeOffset startedBefore, CancellationToken cancellationToken = default)
    {
        var pruned = 0;
        await foreach (var item in blobs.State.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix(systemId), cancellationToken))
        {
            var ticks = item.Name[Prefix(systemId).Length..].Replace(".json", "", StringComparison.Ordinal);
            if (long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start < startedBefore.UtcTicks)
            {
                await blobs.State.GetBlobClient(item.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
                pruned++;
            }
        }

        return pruned;
    }

    public Task DeleteAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default) =>
        blobs.State.GetBlobClient(Name(systemId, windowStart)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static string Prefix(string systemId) => $"{Folder}{systemId}/";

    private static string Name(string systemId, DateTimeOffset windowStart) =>
        Prefix(systemId) + windowStart.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + ".json";

    /// <summary>Null when the blob went away between listing and reading (deleted by a concurrent batch).</summary>
    private async Task<PendingPredictions?> ReadAsync(string systemId, string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blobs.State.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            var (start, end, predictions) = WindowPredictionsJson.Deserialize(content.Value.Content);
            return new PendingPredictions(systemId, start, end, predictions, content.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
