using System.Globalization;
using Azure.Storage.Queues;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Sweeping.Shards;
using GapMonitor.Infrastructure.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.SweepBenchmark;

/// <summary>
/// <c>--worker true</c>: one worker process of the fan-out benchmark. Its clock stands at <c>--now</c> (the coordinator's
/// fake time); it prints <c>ready</c>, then sweeps shard after shard from the queue, printing one <c>SHARD</c> line each,
/// until the coordinator ends it.
/// </summary>
public static class ShardWorker
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> values)
    {
        var now = DateTimeOffset.Parse(values["now"], CultureInfo.InvariantCulture);
        var pickup = Directory.CreateTempSubdirectory("gapmonitor-bench-worker-mail-").FullName;
        await using var provider = BenchServices.Build(values["connection-string"], values["table-prefix"], new FakeTimeProvider(now), pickup, 1000);
        var sweep = provider.GetRequiredService<SweepService>();
        var queue = provider.GetRequiredService<StorageSweepShardQueue>();
        var client = provider.GetRequiredService<QueueServiceClient>().GetQueueClient(queue.Name);
        await client.CreateIfNotExistsAsync();
        await client.PeekMessagesAsync(1);
        Console.WriteLine("ready");
        var poll = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var message = (await client.ReceiveMessageAsync(TimeSpan.FromMinutes(10))).Value;
            if (message is null)
            {
                // As the product's consumer: an idle worker backs off, so it does not load the storage it shares.
                await Task.Delay(poll);
                poll = TimeSpan.FromMilliseconds(Math.Min(poll.TotalMilliseconds * 2, 1000));
                continue;
            }

            poll = TimeSpan.FromMilliseconds(50);

            SweepSummary summary;
            try
            {
                summary = await sweep.RunShardAsync(SweepShardMessage.Read(message.Body.ToString()));
                await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // As the product's consumer does: the message becomes visible again for another try.
                await Console.Error.WriteLineAsync($"shard failed, tried again: {ex.GetType().Name}: {ex.Message}");
                await client.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                continue;
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"SHARD {summary.SystemsEvaluated} {summary.AlertsOpened} {summary.NotificationsDelivered} {summary.NotificationsRetrying + summary.NotificationsFailed + summary.Conflicts + summary.SystemsFailed}"));
        }
    }
}
