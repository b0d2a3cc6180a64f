using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Silences;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// Silence rows (<c>silence-{id}</c> in each system's partition, written with the system row by
/// <see cref="TableSystemStore.ApplyAsync"/>). They never move to the archive: a system has few of them.
/// </summary>
public sealed class TableSilenceStore(StorageTables tables) : ISilenceStore
{
    private const int MaxContinuationLength = 1024;

    public async Task<Silence?> GetAsync(string silenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silenceId);
        if (IdGenerator.SystemIdOfAlert(silenceId) is not { } systemId)
        {
            return null;
        }

        var row = await tables.Systems.GetEntityIfExistsAsync<SilenceEntity>(systemId, RowKeys.Silence(silenceId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToDomain() : null;
    }

    /// <summary>In key order (system, then creation): the continuation is the last silence's id, a position only.</summary>
    public Task<ResultPage<Silence>> ListPageAsync(SilenceQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {RowKeys.SilencePrefix} and RowKey lt {RowKeys.SilenceEnd}");
        if (query.SystemId is { } systemId)
        {
            filter += " and " + TableClient.CreateQueryFilter($"PartitionKey eq {systemId}");
        }

        if (query.Vendor is { } vendor)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Vendor eq {vendor}");
        }

        if (query.Customer is { } customer)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Customer eq {customer}");
        }

        // Ending a silence early sets its EndsAt to that moment, so the planned times alone say whether it is in effect.
        filter += query.Active switch
        {
            true => " and " + TableClient.CreateQueryFilter($"StartsAt le {query.Now} and EndsAt gt {query.Now}"),
            false => " and " + TableClient.CreateQueryFilter($"(StartsAt gt {query.Now} or EndsAt le {query.Now})"),
            null => "",
        };

        if (After(page.Continuation) is { } after)
        {
            filter += " and " + TableClient.CreateQueryFilter(
                $"(PartitionKey gt {after.SystemId} or (PartitionKey eq {after.SystemId} and RowKey gt {RowKeys.Silence(after.Id)}))");
        }

        return KeysetPaging.ReadAsync(
            tables.Systems.QueryAsync<SilenceEntity>(filter, KeysetPaging.PageSize(page), cancellationToken: cancellationToken),
            page.Limit,
            row => row.SilenceId,
            row => ValueTask.FromResult<Silence?>(row.ToDomain()),
            cancellationToken);
    }

    private static (string SystemId, string Id)? After(string? continuation)
    {
        if (continuation is null)
        {
            return null;
        }

        return continuation.Length <= MaxContinuationLength && !continuation.Any(char.IsControl) && IdGenerator.SystemIdOfAlert(continuation) is { } systemId
            ? (systemId, continuation)
            : throw new InvalidContinuationException("Not a continuation of the silences list.");
    }
}
