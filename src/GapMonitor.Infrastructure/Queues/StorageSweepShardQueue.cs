using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping.Shards;
using GapMonitor.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Queues;

/// <summary>
/// The sweep queue on Azure Storage Queues, its poison queue beside it, and the claim of each schedule occurrence: one
/// row in the <c>archive</c> table (beside the daily housekeeping's marker) holding the last occurrence enqueued,
/// replaced under its ETag, so of several hosts ticking at the same occurrence exactly one enqueues it.
/// </summary>
public sealed class StorageSweepShardQueue : ISweepShardQueue
{
    private const string ClaimPartition = "sweep";
    private const string ClaimRow = "last-enqueued";
    private const string OccurrenceProperty = "Occurrence";
    private const int SendsAtOnce = 16;

    private readonly StorageTables _tables;
    private volatile bool _created;

    public StorageSweepShardQueue(QueueServiceClient service, StorageTables tables, IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _tables = tables;
        Name = options.Value.SweepQueueName;
        Queue = service.GetQueueClient(Name);
        Poison = service.GetQueueClient(SweepQueueNames.PoisonOf(Name));
    }

    public string Name { get; }

    internal QueueClient Queue { get; }

    internal QueueClient Poison { get; }

    public async Task EnqueueAsync(IReadOnlyList<SweepShard> shards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shards);
        await EnsureCreatedAsync(cancellationToken);
        await Parallel.ForEachAsync(
            shards,
            new ParallelOptions { MaxDegreeOfParallelism = SendsAtOnce, CancellationToken = cancellationToken },
            async (shard, ct) => await Queue.SendMessageAsync(SweepShardMessage.Write(shard), ct));
    }

    public async Task<SweepQueueDepths> GetDepthsAsync(CancellationToken cancellationToken = default) =>
        new(await DepthAsync(Queue, cancellationToken), await DepthAsync(Poison, cancellationToken));

    public async Task<bool> TryClaimOccurrenceAsync(DateTimeOffset occurrence, CancellationToken cancellationToken = default)
    {
        var claim = new TableEntity(ClaimPartition, ClaimRow) { [OccurrenceProperty] = occurrence };
        try
        {
            var existing = await _tables.Archive.GetEntityIfExistsAsync<TableEntity>(ClaimPartition, ClaimRow, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                await _tables.Archive.AddEntityAsync(claim, cancellationToken);
                return true;
            }

            if (existing.Value!.GetDateTimeOffset(OccurrenceProperty) is { } last && last >= occurrence)
            {
                return false;
            }

            await _tables.Archive.UpdateEntityAsync(claim, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Creates both queues once per process (the consumers and the timer may start before anything was enqueued).</summary>
    internal async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _created = true;
    }

    private static async Task<long> DepthAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            QueueProperties properties = await queue.GetPropertiesAsync(cancellationToken);
            return properties.ApproximateMessagesCountLong;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
