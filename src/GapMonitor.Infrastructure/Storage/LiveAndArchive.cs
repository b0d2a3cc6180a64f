using System.Runtime.CompilerServices;
using Azure.Data.Tables;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// One query over the live rows and the archive, as if they were one table: the two result streams, each in table
/// order (PartitionKey, then RowKey), are merged in that order. A row in both (a move copied it and has not yet
/// deleted it from live) is returned once, as live has it.
/// </summary>
internal static class LiveAndArchive
{
    public static async IAsyncEnumerable<T> QueryAsync<T>(
        StorageTables tables,
        string filter,
        int? maxPerPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        await using var live = tables.Systems.QueryAsync<T>(filter, maxPerPage, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var archive = tables.Archive.QueryAsync<T>(filter, maxPerPage, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasLive = await live.MoveNextAsync();
        var hasArchive = await archive.MoveNextAsync();
        while (hasLive || hasArchive)
        {
            var order = !hasArchive ? -1 : !hasLive ? 1 : Compare(live.Current, archive.Current);
            if (order <= 0)
            {
                yield return live.Current;
                hasLive = await live.MoveNextAsync();
                if (order == 0)
                {
                    hasArchive = await archive.MoveNextAsync();
                }
            }
            else
            {
                yield return archive.Current;
                hasArchive = await archive.MoveNextAsync();
            }
        }
    }

    private static int Compare(ITableEntity a, ITableEntity b)
    {
        var partition = string.CompareOrdinal(a.PartitionKey, b.PartitionKey);
        return partition != 0 ? partition : string.CompareOrdinal(a.RowKey, b.RowKey);
    }
}
