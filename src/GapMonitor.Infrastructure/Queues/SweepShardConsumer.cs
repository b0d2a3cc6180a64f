using Azure.Storage.Queues.Models;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Sweeping.Shards;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Infrastructure.Queues;

/// <summary>
/// The standalone host's queue consumer, with the Functions queue trigger's rules: a message is invisible to the others
/// while one consumer sweeps its shard, deleted when the sweep succeeds, visible again soon after a failure, and moved
/// to <c>{queue}-poison</c> once it has been dequeued more than <see cref="SweepQueueNames.MaxDequeueCount"/> times.
/// While a shard is swept its message's visibility is renewed (<see cref="QueueMessageLease"/>, as the Functions host
/// does for its triggers); if the message turns out to be another consumer's, the shard's sweep is cancelled.
/// </summary>
public sealed class SweepShardConsumer(StorageSweepShardQueue queue, SweepService sweep, TimeProvider timeProvider, ILogger<SweepShardConsumer> logger)
{
    /// <summary>
    /// Renewed while the shard is swept, so a shard may take longer; a consumer that dies leaves its message to another
    /// after this.
    /// </summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How soon a failed message is tried again (as Functions' <c>visibilityTimeout</c> in host.json).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(2);

    /// <summary>Consumes until stopped, polling an empty queue at most every <see cref="MaxPoll"/>.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var poll = MinPoll;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await TryProcessOneAsync(stoppingToken))
                {
                    poll = MinPoll;
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogError(ex, "Reading the sweep queue {Queue} failed; trying again", queue.Name);
            }

            try
            {
                await Task.Delay(poll, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, MaxPoll.Ticks));
        }
    }

    /// <summary>Takes one message and sweeps its shard; false when the queue was empty.</summary>
    public async Task<bool> TryProcessOneAsync(CancellationToken cancellationToken = default)
    {
        await queue.EnsureCreatedAsync(cancellationToken);
        QueueMessage? message = await queue.Queue.ReceiveMessageAsync(VisibilityTimeout, cancellationToken);
        if (message is null)
        {
            return false;
        }

        if (message.DequeueCount > SweepQueueNames.MaxDequeueCount)
        {
            await queue.Poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
            await queue.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            logger.LogError("Sweep message {MessageId} failed {Count} times; moved to {Poison}", message.MessageId, message.DequeueCount - 1, queue.Poison.Name);
            return true;
        }

        await using var lease = QueueMessageLease.Start(queue.Queue, message, VisibilityTimeout, timeProvider, logger, cancellationToken);
        try
        {
            var shard = SweepShardMessage.Read(message.Body.ToString());
            await sweep.RunShardAsync(shard, lease.Token);
            await lease.StopRenewingAsync();
            await queue.Queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, cancellationToken);
        }
        catch (OperationCanceledException) when (lease.IsLost && !cancellationToken.IsCancellationRequested)
        {
            // Logged by the lease: the consumer that holds the message now sweeps the shard.
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await lease.StopRenewingAsync();
            if (lease.IsLost)
            {
                logger.LogWarning(ex, "Sweep message {MessageId} failed after another consumer took it; left to that consumer", message.MessageId);
                return true;
            }

            logger.LogError(ex, "Sweep message {MessageId} (dequeue {Count}) failed; it is tried again in {RetryAfter}", message.MessageId, message.DequeueCount, RetryAfter);
            try
            {
                await queue.Queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: RetryAfter, cancellationToken: CancellationToken.None);
            }
            catch (Azure.RequestFailedException retryFailed)
            {
                logger.LogWarning(retryFailed, "Sweep message {MessageId} could not be made visible early; it returns after its visibility timeout", message.MessageId);
            }
        }

        return true;
    }
}
