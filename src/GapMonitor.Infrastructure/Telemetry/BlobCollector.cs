using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs.Models;
using GapMonitor.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Garbage collection of a system's blobs, run by the pull after each system: window blobs no state document names
/// (<see cref="OrphanWindowBlobs"/>) and, unless a lifecycle policy does it, old pushed data blobs and batch markers
/// (<see cref="PushedBlobRetention"/>). A pass goes over every prefix once a day at most; each run lists at most
/// <see cref="PageSize"/> blobs per prefix, so a large backlog takes several runs (one per pull) and resumes where the
/// last run stopped. Runs are claimed through the system's <see cref="BlobCollectionRecord"/> under its ETag, so of
/// several instances one runs; each instance remembers when a system is next due and reads the record only then.
/// </summary>
public sealed class BlobCollector(TelemetryBlobs blobs, IOptions<RetentionOptions> options, TimeProvider timeProvider, ILogger<BlobCollector> logger)
{
    /// <summary>Blobs listed per prefix and run.</summary>
    public const int DefaultPageSize = 1000;

    /// <summary>Time between two passes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>Time between two runs of a pass under way (a pull comes every few minutes).</summary>
    public static readonly TimeSpan StepInterval = TimeSpan.FromMinutes(1);

    private const string Windows = "windows";
    private const string PushedData = "pushed";
    private const string PushedMarkers = "markers";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _dueAt = new(StringComparer.Ordinal);
    private readonly OrphanWindowBlobs _orphans = new(blobs);
    private readonly PushedBlobRetention _pushed = new(blobs);

    internal int PageSize { get; init; } = DefaultPageSize;

    internal Azure.Storage.Blobs.BlobContainerClient StateContainer => blobs.State;

    /// <summary>
    /// Takes the system's due time from a census of its shard instead of reading its record: the record's metadata when
    /// it has one; not due for <see cref="StepInterval"/> when the system has no record and no blob a pass would look at
    /// (nothing to collect; the next census looks again); due now when it has blobs and no record yet. A record without
    /// the metadata (an earlier build's) is read as before.
    /// </summary>
    internal void Learn(string systemId, ShardBlobCensus census)
    {
        ArgumentNullException.ThrowIfNull(census);
        if (census.TryGetCollectionDueAt(systemId, out var dueAt))
        {
            if (dueAt is { } known)
            {
                _dueAt[systemId] = known;
            }
        }
        else if (!census.HasBlobsToCollect(systemId, options.Value.DeletePushedBlobs))
        {
            _dueAt[systemId] = timeProvider.GetUtcNow() + StepInterval;
        }
        else
        {
            _dueAt.TryRemove(systemId, out _);
        }
    }

    /// <summary>Runs a collection step for the system when one is due; the number of blobs deleted (null: none was due).</summary>
    public async Task<int?> CollectAsync(string systemId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(systemId);
        var now = timeProvider.GetUtcNow();
        if (_dueAt.TryGetValue(systemId, out var due) && now < due)
        {
            return null;
        }

        var (record, etag) = await ClaimAsync(systemId, now, cancellationToken);
        if (etag is null)
        {
            _dueAt[systemId] = DueAt(record, now);
            return null;
        }

        var deleted = 0;
        foreach (var prefix in Prefixes())
        {
            if (record.Positions.TryGetValue(prefix, out var position) && position == BlobCollectionRecord.Finished)
            {
                continue;
            }

            var (next, count) = await StepAsync(systemId, prefix, position, now, cancellationToken);
            deleted += count;
            if (next is null)
            {
                record.Positions.Remove(prefix);
            }
            else
            {
                record.Positions[prefix] = next;
            }
        }

        if (Prefixes().All(p => record.Positions.TryGetValue(p, out var at) && at == BlobCollectionRecord.Finished))
        {
            (record.UnderWay, record.CompletedAt) = (false, now);
            record.Positions.Clear();
        }

        await SaveAsync(systemId, record, etag, now, cancellationToken);
        _dueAt[systemId] = DueAt(record, now);
        if (deleted > 0)
        {
            logger.LogInformation("Blob collection of {SystemId} deleted {Deleted} blobs", systemId, deleted);
        }

        return deleted;
    }

    private IEnumerable<string> Prefixes() => options.Value.DeletePushedBlobs ? [Windows, PushedData, PushedMarkers] : [Windows];

    private Task<(string? Next, int Deleted)> StepAsync(string systemId, string prefix, string? position, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retention = options.Value;
        return prefix switch
        {
            Windows => _orphans.CollectAsync(systemId, position, PageSize, now, cancellationToken),
            PushedData => _pushed.CollectAsync(PushedBlobRetention.DataPrefix(systemId), position, PageSize, now - TimeSpan.FromDays(retention.PushedDays), cancellationToken),
            _ => _pushed.CollectAsync(PushedBlobRetention.MarkerPrefix(systemId), position, PageSize, now - TimeSpan.FromDays(Math.Max(retention.PushedDays, retention.PushedMarkerDays)), cancellationToken),
        };
    }

    private static DateTimeOffset DueAt(BlobCollectionRecord record, DateTimeOffset now) =>
        record.UnderWay ? (record.LastRunAt ?? now) + StepInterval
        : record.CompletedAt is { } completed ? completed + Interval
        : now;

    /// <summary>The record, and its new ETag when this call claimed a run (null: not due, or another instance claimed it).</summary>
    private async Task<(BlobCollectionRecord Record, ETag? ETag)> ClaimAsync(string systemId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var blob = blobs.State.GetBlobClient(BlobCollectionRecord.NameOf(systemId));
        BlobCollectionRecord record;
        BlobRequestConditions conditions;
        try
        {
            var read = (await blob.DownloadContentAsync(cancellationToken)).Value;
            record = BlobCollectionRecord.Read(read.Content);
            conditions = new BlobRequestConditions { IfMatch = read.Details.ETag };
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            record = new BlobCollectionRecord();
            conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
        }

        if (DueAt(record, now) > now)
        {
            return (record, null);
        }

        (record.LastRunAt, record.UnderWay) = (now, true);
        try
        {
            var written = await blob.UploadAsync(
                record.ToBinaryData(), new BlobUploadOptions { Conditions = conditions, Metadata = BlobCollectionRecord.MetadataFor(DueAt(record, now)) }, cancellationToken);
            return (record, written.Value.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return (record, null);
        }
    }

    /// <summary>Another instance that claimed a later run since keeps its own record: a lost write only repeats a page.</summary>
    private async Task SaveAsync(string systemId, BlobCollectionRecord record, ETag? etag, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await blobs.State.GetBlobClient(BlobCollectionRecord.NameOf(systemId)).UploadAsync(
                record.ToBinaryData(),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = etag }, Metadata = BlobCollectionRecord.MetadataFor(DueAt(record, now)) },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
        }
    }
}
