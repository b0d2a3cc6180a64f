using Azure.Data.Tables;
using GapMonitor.Core.Sweeping.Shards;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>A shard as a partition-key filter of the <c>systems</c> table (system ids are its partition keys).</summary>
internal static class PartitionRange
{
    /// <summary><paramref name="filter"/> limited to the shard's partitions; the filter itself when the shard is every system.</summary>
    public static string Within(SweepShard shard, string filter)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var range = (shard.From, shard.To) switch
        {
            (null, null) => null,
            ({ } from, null) => TableClient.CreateQueryFilter($"PartitionKey ge {from}"),
            (null, { } to) => TableClient.CreateQueryFilter($"PartitionKey lt {to}"),
            ({ } from, { } to) => TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"),
        };
        return range is null ? filter : $"{range} and ({filter})";
    }
}
