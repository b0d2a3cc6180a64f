using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableOutboxTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private TableOutbox _outbox = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _outbox = new TableOutbox(Tables);
    }

    [Fact]
    public async Task TryLeaseAsync_WhenTwoSweepsLeaseTheSameNotificationAtOnce_ExactlyOneWins()
    {
        await SeedAsync("lease", contacts: 10);
        var due = await DueAsync();
        var otherOutbox = new TableOutbox(await Azurite.CreateTablesAsync(TablePrefix));

        var results = await Task.WhenAll(due.Select(async n =>
        {
            var pair = await Task.WhenAll(
                Task.Run(() => _outbox.TryLeaseAsync(n, Time.GetUtcNow() + Lease)),
                Task.Run(() => otherOutbox.TryLeaseAsync(n, Time.GetUtcNow() + Lease)));
            return pair.Count(l => l is not null);
        }));

        Assert.Equal(10, results.Length);
        Assert.All(results, winners => Assert.Equal(1, winners));
    }

    [Fact]
    public async Task TryLeaseAllAsync_WhenTwoSweepsLeaseTheSameSystemAtOnce_OneGetsAllTheOtherNone()
    {
        await SeedAsync("batch", contacts: 6);
        var due = await DueAsync();
        var otherOutbox = new TableOutbox(await Azurite.CreateTablesAsync(TablePrefix));

        var results = await Task.WhenAll(
            Task.Run(() => _outbox.TryLeaseAllAsync(due, Time.GetUtcNow() + Lease)),
            Task.Run(() => otherOutbox.TryLeaseAllAsync(due, Time.GetUtcNow() + Lease)));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(due.Select(n => n.Id), winner!.Select(n => n.Id));
        Assert.All(winner!, n => Assert.NotNull(n.ETag));
        Assert.Empty(await DueAsync());
        Assert.All(due, n => Assert.Null(otherOutbox.TryLeaseAsync(n, Time.GetUtcNow() + Lease).GetAwaiter().GetResult()));
    }

    [Fact]
    public async Task RecordAttemptsAsync_AfterABatchLease_RecordsEveryAttemptInOneGo()
    {
        await SeedAsync("record", contacts: 3);
        var leased = await _outbox.TryLeaseAllAsync(await DueAsync(), Time.GetUtcNow() + Lease);
        var now = Time.GetUtcNow();

        await _outbox.RecordAttemptsAsync([.. leased!.Select(n => (
            n with { State = NotificationState.Delivered, Attempts = 1, DeliveredAt = now, LeasedUntil = null },
            new NotificationAttempt(n.Id, 1, now, true, null, TimeSpan.FromMilliseconds(5))))]);

        Assert.Equal(0, await _outbox.CountPendingAsync());
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _outbox.RecordAttemptsAsync([(leased![0], new NotificationAttempt(leased[0].Id, 2, now, true, null, TimeSpan.Zero))]));
    }

    [Fact]
    public async Task TryLeaseAsync_WhenWon_HidesTheNotificationFromListDueUntilTheLeaseExpires()
    {
        await SeedAsync("hide", contacts: 1);
        var due = Assert.Single(await DueAsync());

        var leased = await _outbox.TryLeaseAsync(due, Time.GetUtcNow() + Lease);

        Assert.NotNull(leased);
        Assert.NotEqual(due.ETag, leased.ETag);
        Assert.Empty(await DueAsync());
        Time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await DueAsync());
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(due.Id, Assert.Single(await DueAsync()).Id);
    }

    [Fact]
    public async Task ListDueAsync_WhenNextAttemptIsInTheFuture_SkipsIt()
    {
        await SeedAsync("later", contacts: 1);
        var due = Assert.Single(await DueAsync());
        var leased = await _outbox.TryLeaseAsync(due, Time.GetUtcNow() + Lease);
        var retryAt = Time.GetUtcNow() + TimeSpan.FromMinutes(5);
        await _outbox.RecordAttemptAsync(
            leased! with { Attempts = 1, NextAttemptAt = retryAt, LeasedUntil = null, LastError = "503" },
            new NotificationAttempt(due.Id, 1, Time.GetUtcNow(), false, "503", TimeSpan.FromMilliseconds(40)));

        Assert.Empty(await DueAsync());
        Time.SetUtcNow(retryAt - TimeSpan.FromSeconds(1));
        Assert.Empty(await DueAsync());
        Time.SetUtcNow(retryAt);
        var again = Assert.Single(await DueAsync());
        Assert.Equal((1, "503"), (again.Attempts, again.LastError));
    }

    [Fact]
    public async Task ListDueAsync_WhenDeliveredOrFailed_SkipsIt()
    {
        await SeedAsync("done", contacts: 2);
        var due = await DueAsync();
        foreach (var (notification, state) in due.Zip([NotificationState.Delivered, NotificationState.Failed]))
        {
            var leased = await _outbox.TryLeaseAsync(notification, Time.GetUtcNow() + Lease);
            await _outbox.RecordAttemptAsync(
                leased! with { State = state, Attempts = 1, LeasedUntil = null },
                new NotificationAttempt(notification.Id, 1, Time.GetUtcNow(), state == NotificationState.Delivered, null, TimeSpan.Zero));
        }

        Time.Advance(TimeSpan.FromDays(2));

        Assert.Empty(await DueAsync());
        Assert.Equal(0, await _outbox.CountPendingAsync());
    }

    [Fact]
    public async Task RecordAttemptAsync_WhenLeaseHeld_WritesAttemptRowAndNewState()
    {
        await SeedAsync("record", contacts: 1);
        var due = Assert.Single(await DueAsync());
        var leased = await _outbox.TryLeaseAsync(due, Time.GetUtcNow() + Lease);

        await _outbox.RecordAttemptAsync(
            leased! with { State = NotificationState.Delivered, Attempts = 1, DeliveredAt = Time.GetUtcNow(), LeasedUntil = null },
            new NotificationAttempt(due.Id, 1, Time.GetUtcNow(), true, null, TimeSpan.FromMilliseconds(25)));

        var attempt = Assert.Single(await RowsAsync("record", "attempt-"));
        Assert.Equal($"attempt-{due.Id}-0001", attempt.RowKey);
        Assert.Equal(due.AlertId, attempt.GetString("AlertId"));
        Assert.True(attempt.GetBoolean("Succeeded"));
        var row = Assert.Single(await RowsAsync("record", "notification-"));
        Assert.Equal(nameof(NotificationState.Delivered), row.GetString("State"));
        Assert.Equal(1, row.GetInt32("Attempts"));
        Assert.Equal(0, await _outbox.CountPendingAsync());
    }

    [Fact]
    public async Task RecordAttemptAsync_WhenLeaseWasTakenOver_ThrowsAndWritesNoAttempt()
    {
        await SeedAsync("lost", contacts: 1);
        var due = Assert.Single(await DueAsync());
        var mine = await _outbox.TryLeaseAsync(due, Time.GetUtcNow() + Lease);
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var theirs = await _outbox.TryLeaseAsync(Assert.Single(await DueAsync()), Time.GetUtcNow() + Lease);
        Assert.NotNull(theirs);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _outbox.RecordAttemptAsync(
            mine! with { State = NotificationState.Delivered, Attempts = 1, LeasedUntil = null },
            new NotificationAttempt(due.Id, 1, Time.GetUtcNow(), true, null, TimeSpan.Zero)));

        Assert.Empty(await RowsAsync("lost", "attempt-"));
    }

    [Fact]
    public async Task CountPendingAsync_WhenSeveralSystems_CountsEveryPendingNotification()
    {
        await SeedAsync("count-a", contacts: 3);
        await SeedAsync("count-b", contacts: 2);

        Assert.Equal(5, await _outbox.CountPendingAsync());
    }

    private async Task SeedAsync(string systemId, int contacts)
    {
        var builder = new SystemBuilder().WithId(systemId);
        for (var i = 0; i < contacts; i++)
        {
            builder.WithEmail(Party.Customer, $"person{i}@acme.example");
        }

        await OpenAsync(await CreateAsync(builder.Build()));
    }

    private async Task<List<Notification>> DueAsync()
    {
        var due = new List<Notification>();
        await foreach (var n in _outbox.ListDueAsync(Time.GetUtcNow()))
        {
            due.Add(n);
        }

        return due;
    }
}
