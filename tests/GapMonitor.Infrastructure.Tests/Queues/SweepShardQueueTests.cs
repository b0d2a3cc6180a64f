using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
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

    /// <summary>Guards the test run only (a hung consumer fails the test instead of hanging it); the product runs on the fake clock.</summary>
    private static readonly TimeSpan TestGuard = TimeSpan.FromSeconds(30);
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
    public async Task Consumer_AShardLongerThanTheVisibilityTimeout_RenewsItsMessage_AndDeletesItWithTheLatestReceipt()
    {
        var puller = new HangingPuller();
        var requests = new QueueRequestLog();
        await using var host = await HostAsync(LongPullBudget(puller), requests);
        var queue = host.GetRequiredService<StorageSweepShardQueue>();
        await queue.EnqueueAsync([new SweepShard("sys-a", "sys-m")]);
        var renewEvery = SweepShardConsumer.VisibilityTimeout / 3;

        var consuming = host.GetRequiredService<SweepShardConsumer>().TryProcessOneAsync();
        await puller.Started.WaitAsync(TestGuard);
        var renewals = new List<QueueRequestLog.MessageRequest>();
        for (var i = 0; i < 4; i++)
        {
            Time.Advance(renewEvery);
            renewals.Add(await requests.NextAsync(TestGuard));
        }

        puller.Release();
        Assert.True(await consuming.WaitAsync(TestGuard));

        // 4 × a third of the timeout: the message would have been visible to other consumers since the third.
        Assert.All(renewals, r => Assert.Equal(("PUT", 204, SweepShardConsumer.VisibilityTimeout), (r.Method, r.Status, r.VisibilityTimeout)));
        Assert.All(renewals.Zip(renewals.Skip(1)), pair => Assert.Equal(pair.First.AnsweredPopReceipt, pair.Second.PopReceipt));
        var delete = Assert.Single(requests.All, r => r.Method == "DELETE");
        Assert.Equal((204, renewals[^1].AnsweredPopReceipt), (delete.Status, delete.PopReceipt));
        Assert.Equal(new SweepQueueDepths(0, 0), await queue.GetDepthsAsync());
    }

    [Fact]
    public async Task Consumer_WhenAnotherConsumerTookItsMessage_StopsTheShard_AndNeitherDeletesNorReleasesIt()
    {
        var puller = new HangingPuller();
        var requests = new QueueRequestLog();
        await using var host = await HostAsync(LongPullBudget(puller), requests);
        var queue = host.GetRequiredService<StorageSweepShardQueue>();
        await queue.EnqueueAsync([new SweepShard("sys-a", "sys-m")]);
        var renewEvery = SweepShardConsumer.VisibilityTimeout / 3;
        var consuming = host.GetRequiredService<SweepShardConsumer>().TryProcessOneAsync();
        await puller.Started.WaitAsync(TestGuard);
        Time.Advance(renewEvery);
        var renewed = await requests.NextAsync(TestGuard);

        // The visibility lapses (as after a consumer stalled past it) and another consumer takes the message.
        var other = new QueueClient(Azurite.ConnectionString, queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await other.UpdateMessageAsync(renewed.MessageId, renewed.AnsweredPopReceipt, visibilityTimeout: TimeSpan.Zero);
        QueueMessage taken = await other.ReceiveMessageAsync(SweepShardConsumer.VisibilityTimeout);
        Time.Advance(renewEvery);
        var refused = await requests.NextAsync(TestGuard);
        await puller.Cancelled.WaitAsync(TestGuard);

        Assert.True(await consuming.WaitAsync(TestGuard));
        // 400 PopReceiptMismatch (what Azurite answers here) or 404 MessageNotFound.
        Assert.Equal("PUT", refused.Method);
        Assert.Contains(refused.Status, new[] { 400, 404 });
        Assert.Equal(renewed.MessageId, taken.MessageId);
        Assert.Equal(2, requests.All.Count);
        Assert.Equal(new SweepQueueDepths(1, 0), await queue.GetDepthsAsync());
        await other.DeleteMessageAsync(taken.MessageId, taken.PopReceipt);
    }

    [Fact]
    public async Task Consumer_APullPastItsBudget_HasStoppedBeforeTheMessageIsDeleted()
    {
        var puller = new HangingPuller();
        var requests = new QueueRequestLog();
        await using var host = await HostAsync(services => services.AddSingleton<ITelemetryPuller>(puller), requests);
        var queue = host.GetRequiredService<StorageSweepShardQueue>();
        await queue.EnqueueAsync([new SweepShard("sys-a", "sys-m")]);
        requests.Probe = () => puller.Cancelled.IsCompleted;

        var consuming = host.GetRequiredService<SweepShardConsumer>().TryProcessOneAsync();
        await puller.Started.WaitAsync(TestGuard);
        Time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(await consuming.WaitAsync(TestGuard));
        var delete = Assert.Single(requests.All);
        Assert.Equal(("DELETE", 204, true), (delete.Method, delete.Status, delete.ProbedAtAnswer));
        Assert.Equal(new SweepQueueDepths(0, 0), await queue.GetDepthsAsync());
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

    /// <summary>A pull that hangs, and a budget long enough that the shard's sweep waits for it.</summary>
    private static Action<IServiceCollection> LongPullBudget(HangingPuller puller) => services =>
    {
        services.AddSingleton<ITelemetryPuller>(puller);
        services.AddSingleton(new SweepSettings(TimeSpan.FromHours(1)) { SystemsPerShard = PerShard });
    };

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
    private Task<ServiceProvider> HostAsync(params INotificationSender[] senders) => HostAsync(_ => { }, null, senders);

    /// <param name="configure">Runs last: e.g. a puller of the test's own.</param>
    /// <param name="requests">Sees the queue client's requests.</param>
    private Task<ServiceProvider> HostAsync(Action<IServiceCollection> configure, HttpPipelinePolicy? requests, params INotificationSender[] senders) =>
        SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services =>
        {
            var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
            if (requests is not null)
            {
                options.AddPolicy(requests, HttpPipelinePosition.PerCall);
            }

            services.AddSingleton(new QueueServiceClient(Azurite.ConnectionString, options));
            services.AddSingleton<StorageSweepShardQueue>();
            services.AddSingleton<ISweepShardQueue>(sp => sp.GetRequiredService<StorageSweepShardQueue>());
            services.AddSingleton<SweepShardConsumer>();
            services.AddSingleton<SweepFanOut>();
            services.AddSingleton(new SweepSettings(TimeSpan.FromSeconds(20)) { SystemsPerShard = PerShard });
            configure(services);
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
