using Azure;
using Azure.Storage.Blobs.Models;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Deletes window blobs that no state document will ever name: a save writes its window blobs before it commits
/// <c>state.json</c> under If-Match, so a crash, a cancellation or a lost commit in between leaves them behind.
/// Why deleting them is safe (<see cref="BlobTelemetryStateStore"/>):
/// <list type="bullet">
/// <item>a blob is a candidate only when the document read at ETag E does not name it and it was last modified at least
/// <see cref="MinimumAge"/> ago: a save in progress writes its blobs moments before its commit, so its blobs are young;</item>
/// <item>and before deleting, the document's metadata is replaced under If-Match E. That changes the ETag, so a save that
/// read E or an earlier version (every save that could name a listed blob: it wrote the blob, or read a document naming
/// it, before the listing) fails its If-Match commit, even one stalled for longer than <see cref="MinimumAge"/>. If that
/// replace fails, a commit happened since E and nothing is deleted. A later save reads a document that does not name the
/// candidates and only ever adds blobs under new names, so no document names them again.</item>
/// </list>
/// Without a document (a first save that never committed) nothing is collected: the fence needs an ETag.
/// </summary>
internal sealed class OrphanWindowBlobs(TelemetryBlobs blobs)
{
    /// <summary>Unnamed window blobs younger than this are left alone (a save may be committing them).</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);

    /// <summary>Metadata key set on <c>state.json</c> by the fence (the time of the collection run).</summary>
    internal const string FenceKey = "windowscollectedat";

    /// <summary>
    /// Collects one listing page from <paramref name="position"/> (null: the start); the next position (null: the start
    /// again) and how many blobs went.
    /// </summary>
    public async Task<(string? Next, int Deleted)> CollectAsync(string systemId, string? position, int pageSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = blobs.State.GetBlobClient(BlobTelemetryStateStore.DocumentName(systemId));
        BlobDownloadResult read;
        try
        {
            read = (await document.DownloadContentAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (BlobCollectionRecord.Finished, 0);
        }

        var named = new HashSet<string>(TelemetryStateJson.Read(read.Content).WindowBlobs, StringComparer.Ordinal);
        var (listed, next) = await BlobCollectionPage.ReadAsync(blobs.State, BlobTelemetryStateStore.WindowsPrefix(systemId), position, pageSize, cancellationToken);
        var orphans = listed
            .Where(b => !named.Contains(b.Name) && BlobTelemetryStateStore.IsWindowBlobName(systemId, b.Name) && b.Properties.LastModified is { } modified && now - modified >= MinimumAge)
            .Select(b => b.Name)
            .ToList();
        if (orphans.Count == 0)
        {
            return (next, 0);
        }

        var metadata = new Dictionary<string, string>(read.Details.Metadata, StringComparer.OrdinalIgnoreCase) { [FenceKey] = now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        try
        {
            await document.SetMetadataAsync(metadata, new BlobRequestConditions { IfMatch = read.Details.ETag }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // A save committed since the read: the same page is looked at again next run.
            return (position, 0);
        }

        return (next, await BlobCollectionPage.DeleteAsync(blobs.State, orphans, cancellationToken));
    }
}
