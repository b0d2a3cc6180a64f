using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// History out of the live rows (<see cref="HistoryMover"/>) and deleted after the retention period
/// (<see cref="HistoryRetention"/>). The daily pass is claimed through a marker row in <c>archive</c>, replaced under
/// its ETag, so of several instances (or overlapping runs) exactly one runs it each day.
/// </summary>
public sealed class TableHistoryArchive(
    StorageTables tables,
    IOptions<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<TableHistoryArchive> logger) : IHistoryArchive
{
    /// <summary>System ids are <c>[a-z0-9-]</c>, so this partition is never a system's.</summary>
    internal const string MarkerPartition = "_housekeeping";
    internal const string MarkerRow = "daily";
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>How long a stored idempotent response is replayed (then deleted by the daily pass, so within two days).</summary>
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    private readonly HistoryMover _mover = new(tables);
    private readonly HistoryRetention _retention = new(tables);

    public async Task MoveHistoryAsync(IReadOnlyCollection<string> systemIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(systemIds);
        await Parallel.ForEachAsync(
            systemIds.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (systemId, ct) => await _mover.MoveAsync(systemId, ct));
    }

    public async Task<bool> RunDailyHousekeepingAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        if (!await TryClaimAsync(now, cancellationToken))
        {
            return false;
        }

        var moved = await _mover.MoveLeftoversAsync(cancellationToken);
        var cutoff = now - TimeSpan.FromDays(options.Value.Days);
        var deleted = await _retention.DeleteOlderThanAsync(cutoff, cancellationToken)
            + await _retention.DeleteIdempotencyOlderThanAsync(now - IdempotencyWindow, cancellationToken);
        logger.LogInformation("Daily housekeeping: {Moved} history rows moved out of the live rows, {Deleted} rows older than {Cutoff:O} deleted", moved, deleted, cutoff);
        return true;
    }

    /// <summary>True when the last run is a day old (or there was none) and this call recorded itself as the run.</summary>
    private async Task<bool> TryClaimAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marker = new TableEntity(MarkerPartition, MarkerRow) { ["LastRunAt"] = now };
        try
        {
            var existing = await tables.Archive.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                await tables.Archive.AddEntityAsync(marker, cancellationToken);
                return true;
            }

            if (existing.Value!.GetDateTimeOffset("LastRunAt") is { } last && now - last < Interval)
            {
                return false;
            }

            await tables.Archive.UpdateEntityAsync(marker, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}
