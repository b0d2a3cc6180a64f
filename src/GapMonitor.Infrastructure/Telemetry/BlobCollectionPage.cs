using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>One listing page of a blob collection run: at most <c>size</c> blobs under a prefix, from a position.</summary>
internal static class BlobCollectionPage
{
    /// <summary>The blobs and the next position (<see cref="BlobCollectionRecord.Finished"/> when the prefix is through).</summary>
    public static async Task<(IReadOnlyList<BlobItem> Blobs, string Next)> ReadAsync(
        BlobContainerClient container, string prefix, string? position, int size, CancellationToken cancellationToken)
    {
        var pages = container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken)
            .AsPages(string.IsNullOrEmpty(position) ? null : position, size);
        await foreach (var page in pages)
        {
            return (page.Values, page.ContinuationToken ?? BlobCollectionRecord.Finished);
        }

        return ([], BlobCollectionRecord.Finished);
    }

    /// <summary>Deletes the blobs (already gone is fine); the number deleted.</summary>
    public static async Task<int> DeleteAsync(BlobContainerClient container, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await Parallel.ForEachAsync(
            names,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (name, ct) =>
            {
                if ((await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct)).Value)
                {
                    Interlocked.Increment(ref deleted);
                }
            });
        return deleted;
    }
}
