namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Deletes a system's old pushed blobs where no lifecycle management policy does (the standalone host, Azurite): data
/// blobs under <c>pushed/{systemId}/</c> (folded by the pull within minutes) and batch-id markers under
/// <c>pushed-batches/{systemId}/</c>, each by its Last-Modified. Only those two prefixes are relied on, not the names
/// below them.
/// </summary>
internal sealed class PushedBlobRetention(TelemetryBlobs blobs)
{
    public static string DataPrefix(string systemId) => $"{BlobPushedTelemetryLog.DataRoot}/{systemId}/";

    public static string MarkerPrefix(string systemId) => $"{BlobPushedTelemetryLog.MarkerRoot}/{systemId}/";

    /// <summary>Deletes the blobs of one listing page last modified before <paramref name="cutoff"/>; the next position and how many went.</summary>
    public async Task<(string? Next, int Deleted)> CollectAsync(string prefix, string? position, int pageSize, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var (listed, next) = await BlobCollectionPage.ReadAsync(blobs.Pushed, prefix, position, pageSize, cancellationToken);
        var old = listed.Where(b => b.Properties.LastModified is { } modified && modified < cutoff).Select(b => b.Name);
        return (next, await BlobCollectionPage.DeleteAsync(blobs.Pushed, old, cancellationToken));
    }
}
