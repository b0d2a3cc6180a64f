using Azure.Storage.Queues;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Sweeping.Shards;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Queues;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Infrastructure.Tests.Sweeping;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Queues;

/// <summary>The sweep queue on Azurite: two hosts sharing one storage account fan out and consume it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepShardQueueTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const int Fleet = 50;
    private const int PerShard = 20;
    private static readonly string[] CustomerEmails = ["ml@acme.example", "oncall@acme.example"];
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task TwoHosts_FanOutTheSameOccurrenceAndConsume_EnqueueItOnce_SkipTheNextWhileShardsWait_AndSweepEverySystemOnce()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        await using var first = await HostAsync(email);
        await using var second = await HostAsync(email);
        var ids = Enumerable.Range(0, Fleet).Select(i => $"sys-{i:D3}").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) => await CreateAsync(SilentSystem(id)));
        Time.Advance(UntilDown);
        var occurrence = Time.GetUtcNow();

        var enqueued = await Task.WhenAll(
            Task.Run(() => first.GetRequiredService<SweepFanOut>().EnqueueAsync(occurrence)),
            Task.Run(() => second.GetRequiredService<SweepFanOut>().EnqueueAsync(occurrence)));
        var waiting = await first.GetRequiredService<ISweepShardQueue>().GetDepthsAsync();
        var nextWhileWaiting = await second.GetRequiredService<SweepFanOut>().EnqueueAsync(occurrence.AddMinutes(1));
        var consumed = await Task.WhenAll(ConsumeAllAsync(first), ConsumeAllAsync(second));

        Assert.Equal([0, 3], enqueued.Order());
        Assert.Equal(new SweepQueueDepths(3, 0), waiting);
        Assert.Equal(0, nextWhileWaiting);
        Assert.Equal(3, consumed.Sum());
        foreach (var id in ids)
        {
            var alert = Assert.Single(await QueryAlertsAsync(new AlertQuery(SystemId: id)));
            Assert.Equal((AlertKinds.MonitoringSilent, AlertState.Open), (alert.Kind, alert.State));
        }

        Assert.Equal(Fleet * CustomerEmails.Length, email.SentIds.Count);
        Assert.Equal(email.SentIds.Count, email.SentIds.Distinct().Count());
        Assert.Equal(new SweepQueueDepths(0, 0), await second.GetRequiredService<ISweepShardQueue>().GetDepthsAsync());
    }

    [Fact]
    public async Task Consumer_AMessageThatKeepsFailing_IsTriedFiveTimesThenMovedToThePoisonQueue()
    {
        await using var host = await HostAsync();
        var queue = host.GetRequiredService<StorageSweepShardQueue>();
        var consumer = host.GetRequiredService<SweepShardConsumer>();
        consumer.RetryAfter = TimeSpan.Zero;
        await queue.EnsureCreatedAsync(CancellationToken.None);
        await queue.Queue.SendMessageAsync("not a shard");

        var tries = new List<SweepQueueDepths>();
        for (var i = 0; i < SweepQueueNames.MaxDequeueCount + 1; i++)
        {
            Assert.True(await consumer.TryProcessOneAsync());
            tries.Add(await queue.GetDepthsAsync());
        }

        Assert.All(tries[..^1], d => Assert.Equal(new SweepQueueDepths(1, 0), d));
        Assert.Equal(new SweepQueueDepths(0, 1), tries[^1]);
        Assert.False(await consumer.TryProcessOneAsync());
        var poisoned = Assert.Single((await queue.Poison.ReceiveMessagesAsync(maxMessages: 10)).Value);
        Assert.Equal("not a shard", poisoned.Body.ToString());
        Assert.EndsWith("-sweep-shards-poison", queue.Poison.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryClaimOccurrence_ClaimsEachOccurrenceOnce_AndNeverAnEarlierOne()
    {
        await using var first = await HostAsync();
        await using var second = await HostAsync();
        var queue = first.GetRequiredService<ISweepShardQueue>();
        var other = second.GetRequiredService<ISweepShardQueue>();
        var now = Time.GetUtcNow();

        var atOnce = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? queue : other).TryClaimOccurrenceAsync(now))));
        var next = await other.TryClaimOccurrenceAsync(now.AddMinutes(1));
        var again = await queue.TryClaimOccurrenceAsync(now.AddMinutes(1));
        var earlier = await queue.TryClaimOccurrenceAsync(now);

        Assert.Single(atOnce, claimed => claimed);
        Assert.Equal((true, false, false), (next, again, earlier));
    }

    private async Task<int> ConsumeAllAsync(ServiceProvider host)
    {
        var consumer = host.GetRequiredService<SweepShardConsumer>();
        var count = 0;
        while (await consumer.TryProcessOneAsync())
        {
            count++;
        }

        return count;
    }

    /// <summary>One host's services with the sweep queue, over the test's tables and the shared Azurite.</summary>
    private Task<ServiceProvider> HostAsync(params INotificationSender[] senders) =>
        SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services =>
        {
            services.AddSingleton(new QueueServiceClient(Azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
            services.AddSingleton<StorageSweepShardQueue>();
            services.AddSingleton<ISweepShardQueue>(sp => sp.GetRequiredService<StorageSweepShardQueue>());
            services.AddSingleton<SweepShardConsumer>();
            services.AddSingleton<SweepFanOut>();
            services.AddSingleton(new SweepSettings(TimeSpan.FromSeconds(20)) { SystemsPerShard = PerShard });
        }, senders);

    /// <summary>Registered now, handed over a month ago (the customer owns operations), no heartbeat yet.</summary>
    private MonitoredSystem SilentSystem(string id)
    {
        var builder = new SystemBuilder().WithId(id)
            .RegisteredAt(Time.GetUtcNow())
            .HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30))
            .AcknowledgeWithin(TimeSpan.FromDays(7))
            .WithEmail(Party.Vendor, "ops@modelworks.example");
        foreach (var address in CustomerEmails)
        {
            builder.WithEmail(Party.Customer, address);
        }

        return builder.Build();
    }
}
