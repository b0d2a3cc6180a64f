using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GapMonitor.Core.Sweeping.Shards;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// What a pull needs to know of every system of a shard before it starts, read with one listing per blob layout for the
/// whole shard instead of requests per system: which systems have pushed data (<c>pushed/{id}/</c>) and batch markers
/// (<c>pushed-batches/{id}/</c>), listed by their folders only, and which have blobs in the <c>telemetry</c> container
/// (<c>{id}/…</c>), with the due time their blob collection record carries in its metadata (<see cref="BlobCollector"/>).
/// A listing starts at the shard's first id and stops past its last (a service that ignores <c>startFrom</c> lists from
/// the start, and the systems outside the shard are passed over).
/// </summary>
internal sealed class ShardBlobCensus
{
    private readonly HashSet<string> _pushed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _marked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _withState = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset?> _collections = new(StringComparer.Ordinal);

    /// <summary>Reads the census of <paramref name="shard"/>; without <paramref name="state"/> only the pushed blobs.</summary>
    public static async Task<ShardBlobCensus> ReadAsync(BlobContainerClient pushed, BlobContainerClient? state, SweepShard shard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pushed);
        ArgumentNullException.ThrowIfNull(shard);
        var census = new ShardBlobCensus();
        await ListFoldersAsync(pushed, BlobPushedTelemetryLog.DataRoot + "/", shard, census._pushed, cancellationToken);
        if (state is not null)
        {
            await ListFoldersAsync(pushed, BlobPushedTelemetryLog.MarkerRoot + "/", shard, census._marked, cancellationToken);
            await ListStateAsync(state, shard, census, cancellationToken);
        }

        return census;
    }

    /// <summary>Whether the system had pushed data when the census was read (what <see cref="BlobPushedTelemetryLog.HasPushesAsync"/> answers).</summary>
    public bool HasPushes(string systemId) => _pushed.Contains(systemId);

    /// <summary>
    /// Whether the system has a blob collection record, and the due time in its metadata (null: a record written
    /// without it, by an earlier build).
    /// </summary>
    public bool TryGetCollectionDueAt(string systemId, out DateTimeOffset? dueAt) => _collections.TryGetValue(systemId, out dueAt);

    /// <summary>Whether the system has any blob a collection pass looks at (its pushed blobs only when those are collected).</summary>
    public bool HasBlobsToCollect(string systemId, bool pushedBlobs) =>
        _withState.Contains(systemId) || (pushedBlobs && (_pushed.Contains(systemId) || _marked.Contains(systemId)));

    private static async Task ListFoldersAsync(BlobContainerClient container, string root, SweepShard shard, HashSet<string> into, CancellationToken cancellationToken)
    {
        var options = new GetBlobsByHierarchyOptions { Prefix = root, Delimiter = "/", StartFrom = shard.From is null ? null : root + shard.From };
        var stop = StopAt(root, shard);
        await foreach (var item in container.GetBlobsByHierarchyAsync(options, cancellationToken))
        {
            var name = item.IsPrefix ? item.Prefix : item.Blob.Name;
            if (stop is not null && string.CompareOrdinal(name, stop) >= 0)
            {
                break;
            }

            if (item.IsPrefix && name.Length > root.Length + 1 && name[^1] == '/')
            {
                var systemId = name[root.Length..^1];
                if (shard.Contains(systemId))
                {
                    into.Add(systemId);
                }
            }
        }
    }

    private static async Task ListStateAsync(BlobContainerClient container, SweepShard shard, ShardBlobCensus census, CancellationToken cancellationToken)
    {
        var options = new GetBlobsOptions { Traits = BlobTraits.Metadata, StartFrom = shard.From };
        var stop = StopAt("", shard);
        await foreach (var blob in container.GetBlobsAsync(options, cancellationToken))
        {
            if (stop is not null && string.CompareOrdinal(blob.Name, stop) >= 0)
            {
                break;
            }

            var slash = blob.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                continue;
            }

            var systemId = blob.Name[..slash];
            if (!shard.Contains(systemId))
            {
                continue;
            }

            if (blob.Name == BlobCollectionRecord.NameOf(systemId))
            {
                census._collections[systemId] = BlobCollectionRecord.DueAtOf(blob.Metadata);
            }
            else
            {
                census._withState.Add(systemId);
            }
        }
    }

    /// <summary>
    /// The first name past every blob of the shard's systems under <paramref name="root"/> (null: the listing runs to
    /// the end). Not simply <c>root + To</c>: <c>-</c> sorts before the <c>/</c> that ends an id, so the blobs of
    /// <c>abc</c> (<c>abc/…</c>) sort after <c>abc-d</c> although <c>abc</c> is the smaller id; a shard ending before
    /// <c>abc-d</c> stops at <c>abc0</c>, past every <c>abc/…</c>.
    /// </summary>
    internal static string? StopAt(string root, SweepShard shard)
    {
        if (shard.To is not { } to)
        {
            return null;
        }

        var dash = to.IndexOf('-', StringComparison.Ordinal);
        return root + (dash < 0 ? to : string.Concat(to.AsSpan(0, dash), "0"));
    }
}
