using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// Reads what is new in an Azure ML model data-collector output since a checkpoint: hour folders in chronological
/// order, blobs by name within a folder, complete lines only. See README.md.
/// </summary>
public sealed class InferenceLogReader(IBlobContainerClientFactory clients, ILogger<InferenceLogReader> logger)
{
    /// <summary>
    /// Reads at most <paramref name="maxRows"/> rows after <paramref name="checkpoint"/> (null: from the beginning).
    /// Malformed lines are counted and skipped. The returned checkpoint covers exactly what was returned.
    /// </summary>
    public Task<InferenceLogReadResult> ReadNewAsync(
        InferenceLogSource source, InferenceLogCheckpoint? checkpoint, int maxRows, CancellationToken cancellationToken = default) =>
        ReadNewAsync(source, checkpoint, maxRows, DateTimeOffset.MaxValue, cancellationToken);

    /// <summary>
    /// As above; records timed after <paramref name="latestRecordTime"/> count as malformed, and hour folders starting
    /// after it are left for later, so a folder or record far in the future never moves the checkpoint past real data.
    /// </summary>
    public async Task<InferenceLogReadResult> ReadNewAsync(
        InferenceLogSource source, InferenceLogCheckpoint? checkpoint, int maxRows, DateTimeOffset latestRecordTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return await ReadNewAsync(clients.Create(source), source.NormalizedPrefix, checkpoint, maxRows, latestRecordTime, null, cancellationToken);
    }

    /// <summary>As above, in a container the service holds a client of (its own pushed-telemetry log).</summary>
    /// <param name="prefix">Without leading or trailing slashes.</param>
    /// <param name="include">Which blob names to read (null: all); the others are not read and not remembered.</param>
    internal async Task<InferenceLogReadResult> ReadNewAsync(
        BlobContainerClient container, string prefix, InferenceLogCheckpoint? checkpoint, int maxRows, DateTimeOffset latestRecordTime,
        Func<string, bool>? include, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        HourFolder? from = HourFolder.TryParse(checkpoint?.OpenFrom, out var open) ? open : null;
        var session = new InferenceLogReadSession(maxRows, checkpoint?.Blobs ?? [], latestRecordTime, logger);
        HourFolder? newest = null;

        await foreach (var folder in HourFolderWalker.WalkAsync(container, prefix, from, cancellationToken))
        {
            if (session.Full || folder.Start > latestRecordTime)
            {
                break;
            }

            newest = folder;
            var listing = new GetBlobsOptions { Prefix = folder.PathUnder(prefix) };
            await foreach (var item in container.GetBlobsAsync(listing, cancellationToken))
            {
                if (session.Full)
                {
                    break;
                }

                if (item.Name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && item.Properties.ETag is { } etag && include?.Invoke(item.Name) != false)
                {
                    var blob = container.GetBlobClient(item.Name);
                    await session.ReadBlobAsync(blob, etag, item.Properties.ContentLength ?? 0, folder, cancellationToken);
                }
            }
        }

        // The newest folder reached and the hour before it stay open: writers may still add to them.
        var openFrom = newest?.Previous() ?? from;
        if (from is { } previous && openFrom is { } next && string.CompareOrdinal(next.Key, previous.Key) < 0)
        {
            openFrom = previous;
        }

        var result = session.ToResult(openFrom?.Key, prefix);
        logger.LogDebug(
            "Read {Rows} rows from {Records} records in {Blobs} blobs of {Container}/{Prefix}; {MalformedLines} malformed lines",
            result.RowCount, result.Records, result.BlobsRead.Count, container.Name, prefix, result.MalformedLines);
        return result;
    }
}
