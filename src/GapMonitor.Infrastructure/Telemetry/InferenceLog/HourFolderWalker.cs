using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// Enumerates the hour folders under a prefix in chronological order, from a given hour on, by listing the
/// year → month → day → hour "directories" with a delimiter. Only the branches at or after the start are descended,
/// so one walk costs about years + 12 + 31 + 24 listing entries plus the folders it yields, however long the history.
/// </summary>
internal static class HourFolderWalker
{
    private static readonly int[] SegmentWidths = [4, 2, 2, 2];

    public static IAsyncEnumerable<HourFolder> WalkAsync(
        BlobContainerClient container, string prefix, HourFolder? from, CancellationToken cancellationToken)
    {
        var bound = from?.Key.Split('/');
        var root = prefix.Length == 0 ? "" : prefix + "/";
        return WalkLevelAsync(container, root, 0, bound, cancellationToken);
    }

    private static async IAsyncEnumerable<HourFolder> WalkLevelAsync(
        BlobContainerClient container, string path, int level, string[]? bound,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var children = new List<string>();
        var options = new GetBlobsByHierarchyOptions { Delimiter = "/", Prefix = path };
        await foreach (var item in container.GetBlobsByHierarchyAsync(options, cancellationToken))
        {
            if (item.IsPrefix)
            {
                var segment = item.Prefix[path.Length..].TrimEnd('/');
                if (segment.Length == SegmentWidths[level] && segment.All(char.IsAsciiDigit))
                {
                    children.Add(segment);
                }
            }
        }

        children.Sort(StringComparer.Ordinal);
        foreach (var segment in children)
        {
            var comparison = bound is null ? 1 : string.CompareOrdinal(segment, bound[level]);
            if (comparison < 0)
            {
                continue;
            }

            var childBound = comparison == 0 ? bound : null;
            var childPath = path + segment + "/";
            if (level == SegmentWidths.Length - 1)
            {
                var key = string.Join('/', childPath.TrimEnd('/').Split('/')[^4..]);
                if (HourFolder.TryParse(key, out var folder))
                {
                    yield return folder;
                }

                continue;
            }

            await foreach (var folder in WalkLevelAsync(container, childPath, level + 1, childBound, cancellationToken))
            {
                yield return folder;
            }
        }
    }
}
