using GapMonitor.Core.Alerts;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Sweeping;

public class SweepServiceTests
{
    private static readonly SweepSettings Settings = new(TimeSpan.FromSeconds(20));

    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly InMemoryOutbox _outbox = new();
    private readonly InMemorySystemStore _systems;
    private readonly RecordingEmailSender _email = new();

    public SweepServiceTests() => _systems = new InMemorySystemStore(_outbox);

    [Fact]
    public async Task Run_EvaluatesEverySystem_AndOpensAnAlertForTheSilentOne()
    {
        _systems.Add(new SystemBuilder().WithId("healthy").WithLastHeartbeat(_time.GetUtcNow()).Build());
        _systems.Add(new SystemBuilder().WithId("silent").WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build());

        var summary = await Sweep().RunAsync();

        Assert.Equal((2, 1, 0), (summary.SystemsEvaluated, summary.AlertsOpened, summary.SystemsFailed));
        var opened = Assert.Single(_systems.Applied);
        Assert.Equal("silent", opened.SystemId);
        Assert.Equal(AlertKinds.MonitoringSilent, Assert.Single(opened.CreatedAlerts).Kind);
    }

    [Fact]
    public async Task RunShard_EvaluatesPullsAndDeliversOnlyTheShardsSystems()
    {
        foreach (var id in new[] { "sys-a", "sys-b", "sys-c", "sys-d" })
        {
            _systems.Add(new SystemBuilder().WithId(id).WithEmail(Party.Customer, $"ops@{id}.example").WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build());
        }

        var puller = new Puller(_ => Task.FromResult(new PullSummary(0, 0)));
        var shard = new Core.Sweeping.Shards.SweepShard("sys-b", "sys-d");

        var summary = await Sweep(puller).RunShardAsync(shard);

        Assert.Equal((2, 2, 2), (summary.SystemsEvaluated, summary.AlertsOpened, summary.NotificationsDelivered));
        Assert.Equal(["sys-b", "sys-c"], _systems.Applied.Select(a => a.SystemId).Order(StringComparer.Ordinal));
        Assert.Equal(["ops@sys-b.example", "ops@sys-c.example"], _email.Sent.Select(m => m.Notification.Target).Order(StringComparer.Ordinal));
        Assert.Equal(shard, Assert.Single(puller.Shards));
    }

    [Fact]
    public async Task Run_DeliversTheNotificationsOfTheAlertsItOpened()
    {
        _systems.Add(new SystemBuilder().WithId("silent").WithEmail(Party.Customer, "ops@acme.example").WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build());

        var summary = await Sweep().RunAsync();

        Assert.Equal(1, summary.NotificationsDelivered);
        var sent = Assert.Single(_email.Sent);
        Assert.Equal(("ops@acme.example", NotificationTypes.Opened), (sent.Notification.Target, sent.Notification.Type));
        Assert.Equal(NotificationState.Delivered, Assert.Single(_outbox.All).State);
    }

    [Fact]
    public async Task Run_APullerThatThrows_IsCountedAsFailed_AndEvaluationGoesOn()
    {
        _systems.Add(new SystemBuilder().WithLastHeartbeat(_time.GetUtcNow()).Build());

        var summary = await Sweep(new Puller(_ => throw new IOException("source unreachable"))).RunAsync();

        Assert.Equal((1, 1), (summary.SystemsEvaluated, summary.SystemsFailed));
    }

    [Fact]
    public async Task Run_SystemsWhosePullFailed_AreCountedAsFailed()
    {
        _systems.Add(new SystemBuilder().WithLastHeartbeat(_time.GetUtcNow()).Build());

        var summary = await Sweep(new Puller(_ => Task.FromResult(new PullSummary(100, SystemsFailed: 2)))).RunAsync();

        Assert.Equal((1, 2), (summary.SystemsEvaluated, summary.SystemsFailed));
    }

    [Fact]
    public async Task Run_APullPastItsBudget_DoesNotHoldBackEvaluation()
    {
        _systems.Add(new SystemBuilder().WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build());
        var pullEnds = new TaskCompletionSource<PullSummary>(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = Sweep(new Puller(_ => pullEnds.Task)).RunAsync();
        Assert.False(run.IsCompleted);
        _time.Advance(Settings.PullBudget);
        // Ends after the budget: a sweep that waited for the pull would count these failures.
        pullEnds.SetResult(new PullSummary(0, SystemsFailed: 7));
        var summary = await run;

        Assert.Equal((1, 1, 0), (summary.SystemsEvaluated, summary.AlertsOpened, summary.SystemsFailed));
    }

    [Fact]
    public async Task RunShard_ListsItsSystemsOnce_ForItsPullAndItsEvaluation_AndEvaluatesEachOnce()
    {
        foreach (var id in new[] { "sys-a", "sys-b", "sys-c", "sys-d" })
        {
            _systems.Add(new SystemBuilder().WithId(id).WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build());
        }

        var puller = new ListedPuller((_, _) => Task.FromResult(new PullSummary(0, 0) { Pulled = new HashSet<string>() }));

        var summary = await Sweep(puller).RunShardAsync(new Core.Sweeping.Shards.SweepShard("sys-b", "sys-d"));

        Assert.Equal(["sys-b", "sys-c"], puller.Handed);
        Assert.Equal((2, 2, 0), (summary.SystemsEvaluated, summary.AlertsOpened, summary.SystemsFailed));
        Assert.Equal(["sys-b", "sys-c"], _systems.Applied.Select(c => c.SystemId).Order(StringComparer.Ordinal));
        Assert.Equal((1, 0), (_systems.Listings, _systems.Reads));
    }

    [Fact]
    public async Task RunShard_ReadsAgainTheSystemsItsPullWorkedOn_AndDecidesOnTheirRowsAfterThePull()
    {
        var silent = new SystemBuilder().WithId("sys-b").WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build();
        _systems.Add(silent);
        _systems.Add(new SystemBuilder().WithId("sys-c").WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build());
        var puller = new ListedPuller((_, _) =>
        {
            // The pull recorded a heartbeat of sys-b (Log Analytics): its listed row is stale now.
            _systems.Add(new SystemBuilder().WithId("sys-b").WithLastHeartbeat(_time.GetUtcNow()).Build());
            return Task.FromResult(new PullSummary(0, 0) { Pulled = new HashSet<string> { "sys-b" } });
        });

        var summary = await Sweep(puller).RunShardAsync(new Core.Sweeping.Shards.SweepShard("sys-a", null));

        Assert.Equal((2, 1, 0), (summary.SystemsEvaluated, summary.AlertsOpened, summary.Conflicts));
        Assert.Equal("sys-c", Assert.Single(_systems.Applied).SystemId);
        Assert.Equal((1, 1), (_systems.Listings, _systems.Reads));
    }

    [Fact]
    public async Task RunShard_APulledSystemThatCannotBeReadAgain_IsEvaluatedFromItsListedCopy_AndTheShardGoesOn()
    {
        _systems.Add(new SystemBuilder().WithId("sys-b").WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build());
        _systems.Add(new SystemBuilder().WithId("sys-c").WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build());
        _systems.FailReadsOf = id => id == "sys-b";
        var puller = new ListedPuller((_, _) => Task.FromResult(new PullSummary(0, 0) { Pulled = new HashSet<string> { "sys-b", "sys-c" } }));

        var summary = await Sweep(puller).RunShardAsync(new Core.Sweeping.Shards.SweepShard("sys-a", null));

        Assert.Equal((2, 2, 0), (summary.SystemsEvaluated, summary.AlertsOpened, summary.SystemsFailed));
        Assert.Equal(["sys-b", "sys-c"], _systems.Applied.Select(c => c.SystemId).Order());
    }

    [Fact]
    public async Task RunShard_WithAPullThatDoesNotSayWhatItWorkedOn_ListsTheShardAgainForTheEvaluation()
    {
        _systems.Add(new SystemBuilder().WithId("sys-b").WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build());
        var puller = new ListedPuller((_, _) =>
        {
            _systems.Add(new SystemBuilder().WithId("sys-b").WithLastHeartbeat(_time.GetUtcNow()).Build());
            return Task.FromResult(new PullSummary(0, 0));
        });

        var summary = await Sweep(puller).RunShardAsync(new Core.Sweeping.Shards.SweepShard("sys-a", null));

        Assert.Equal((1, 0), (summary.SystemsEvaluated, summary.AlertsOpened));
        Assert.Equal(2, _systems.Listings);
    }

    [Fact]
    public async Task RunShard_APullPastItsBudget_IsStoppedBeforeTheShardsSweepReturns()
    {
        _systems.Add(new SystemBuilder().WithId("sys-b").WithLastHeartbeat(_time.GetUtcNow() - TimeSpan.FromHours(3)).Build());
        var pullStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var puller = new Puller(async ct =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return new PullSummary(0, 0);
            }
            finally
            {
                pullStopped.SetResult();
            }
        });

        var run = Sweep(puller).RunShardAsync(new Core.Sweeping.Shards.SweepShard("sys-a", "sys-c"));
        _time.Advance(Settings.PullBudget);
        var summary = await run;

        // The queue message is deleted once the sweep returns: nothing the shard started may still run then.
        Assert.True(pullStopped.Task.IsCompleted);
        Assert.Equal((1, 1, 0), (summary.SystemsEvaluated, summary.AlertsOpened, summary.SystemsFailed));
    }

    [Fact]
    public async Task RunShard_WhenItsSweepIsCancelled_StopsItsPullBeforeItReturns()
    {
        var pullStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var puller = new Puller(async ct =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return new PullSummary(0, 0);
            }
            finally
            {
                pullStopped.SetResult();
            }
        });
        using var lost = new CancellationTokenSource();

        var run = Sweep(puller).RunShardAsync(new Core.Sweeping.Shards.SweepShard("sys-a", "sys-c"), lost.Token);
        await lost.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(pullStopped.Task.IsCompleted);
    }

    [Fact]
    public async Task Run_APullPastItsBudget_GoesOnAfterTheSweepForTheNextSweepToJoin()
    {
        var pullEnds = new TaskCompletionSource<PullSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        var puller = new Puller(_ => pullEnds.Task);
        var sweep = Sweep(puller);

        var first = sweep.RunAsync();
        _time.Advance(Settings.PullBudget);
        await first;
        var second = sweep.RunAsync();
        pullEnds.SetResult(new PullSummary(10, SystemsFailed: 1));
        var summary = await second;

        Assert.Equal((1, 1), (puller.Calls, summary.SystemsFailed));
    }

    [Fact]
    public async Task Run_ASweepWhileAPullRuns_JoinsItInsteadOfPullingAgain()
    {
        var pullEnds = new TaskCompletionSource<PullSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        var puller = new Puller(_ => pullEnds.Task);
        var sweep = Sweep(puller);

        var first = sweep.RunAsync();
        var second = sweep.RunAsync();
        pullEnds.SetResult(new PullSummary(10, SystemsFailed: 1));
        var summaries = await Task.WhenAll(first, second);

        Assert.Equal(1, puller.Calls);
        Assert.All(summaries, s => Assert.Equal(1, s.SystemsFailed));
    }

    private SweepService Sweep(params ITelemetryPuller[] pullers)
    {
        var evaluator = new SystemEvaluator(new AlertTransitions(new IdGenerator(_time)));
        var delivery = new OutboxDelivery(_outbox, _systems, [_email], RetrySchedule.Default, _time, NullLogger<OutboxDelivery>.Instance);
        return new SweepService(
            pullers,
            _systems,
            new SystemEvaluation(_systems, evaluator, _time, NullLogger<SystemEvaluation>.Instance),
            delivery,
            Settings,
            _time,
            NullLogger<SweepService>.Instance);
    }

    private sealed class Puller(Func<CancellationToken, Task<PullSummary>> pull) : ITelemetryPuller
    {
        private int _calls;

        public int Calls => _calls;

        public List<Core.Sweeping.Shards.SweepShard> Shards { get; } = [];

        public Task<PullSummary> PullAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return pull(cancellationToken);
        }

        public Task<PullSummary> PullAsync(Core.Sweeping.Shards.SweepShard shard, CancellationToken cancellationToken = default)
        {
            lock (Shards)
            {
                Shards.Add(shard);
            }

            return PullAsync(cancellationToken);
        }
    }

    /// <summary>A puller that takes the systems the sweep listed for it.</summary>
    private sealed class ListedPuller(Func<IReadOnlyList<SystemWithAlerts>, CancellationToken, Task<PullSummary>> pull) : ITelemetryPuller
    {
        public List<string> Handed { get; } = [];

        public Task<PullSummary> PullAsync(CancellationToken cancellationToken = default) => throw new InvalidOperationException("Only shards are pulled here.");

        public Task<PullSummary> PullAsync(Core.Sweeping.Shards.SweepShard shard, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The sweep hands its listed systems over.");

        public Task<PullSummary> PullAsync(Core.Sweeping.Shards.SweepShard shard, IReadOnlyList<SystemWithAlerts> systems, CancellationToken cancellationToken = default)
        {
            Handed.AddRange(systems.Select(s => s.System.Id));
            return pull(systems, cancellationToken);
        }
    }

    private sealed class RecordingEmailSender : INotificationSender
    {
        public List<OutboundMessage> Sent { get; } = [];

        public NotificationChannel Channel => NotificationChannel.Email;

        public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            lock (Sent)
            {
                Sent.Add(message);
            }

            return Task.FromResult(DeliveryResult.Success);
        }
    }
}
