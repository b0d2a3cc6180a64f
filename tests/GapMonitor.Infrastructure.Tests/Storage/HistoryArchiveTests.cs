using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class HistoryArchiveTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task MoveAsync_WhenAnEarlierMoveStoppedBetweenCopyAndDelete_ReadsShowEachRowOnce_AndTheMoveFinishes()
    {
        var alertId = await ResolvedAlertWithDeliveredNotificationAsync("interrupted");
        var before = await ReadAllAsync("interrupted", alertId);
        await CopyHistoryToArchiveAsync("interrupted");

        var duringTheMove = await ReadAllAsync("interrupted", alertId);
        var moved = await new HistoryMover(Tables).MoveAsync("interrupted");
        var after = await ReadAllAsync("interrupted", alertId);

        Assert.Equal(before, duringTheMove);
        Assert.True(moved > 0);
        Assert.Equal(before, after);
        Assert.Empty(await LiveRowsAsync("interrupted", "alert-"));
        Assert.Empty(await LiveRowsAsync("interrupted", "audit-"));
        Assert.Empty(await LiveRowsAsync("interrupted", "notification-"));
        Assert.Empty(await LiveRowsAsync("interrupted", "attempt-"));
        Assert.Equal(0, await new HistoryMover(Tables).MoveAsync("interrupted"));
    }

    [Fact]
    public async Task RunDailyHousekeepingAsync_DeletesHistoryOlderThanTheRetention_ByTheTimeItRecords_AndKeepsNewer()
    {
        var old = await ResolvedAlertWithDeliveredNotificationAsync("kept-system");
        await new TableSignalHistory(Tables, new IdGenerator(Time)).AppendAsync(new Heartbeat("kept-system", HeartbeatStatus.Ok, Time.GetUtcNow(), Time.GetUtcNow(), null));
        await new HistoryMover(Tables).MoveAsync("kept-system");
        Time.Advance(TimeSpan.FromDays(200));
        var recent = await ResolvedAlertWithDeliveredNotificationAsync("kept-system");
        await new TableSignalHistory(Tables, new IdGenerator(Time)).AppendAsync(new Heartbeat("kept-system", HeartbeatStatus.Ok, Time.GetUtcNow(), Time.GetUtcNow(), null));
        var recentHistory = Describe(await new TableAlertStore(Tables).GetAsync(recent));
        Time.Advance(TimeSpan.FromDays(201));

        Assert.True(await Archive(days: 400).RunDailyHousekeepingAsync());

        Assert.Null(await new TableAlertStore(Tables).GetAsync(old));
        Assert.Equal(recentHistory, Describe(await new TableAlertStore(Tables).GetAsync(recent)));
        Assert.Equal([recent], (await QueryAlertsAsync(new AlertQuery(SystemId: "kept-system"))).Select(a => a.Id));
        Assert.All(await Systems.GetAuditAsync("kept-system", 100), a => Assert.Equal(recent, a.AlertId));
        var heartbeats = await new TableSignalHistory(Tables, new IdGenerator(Time)).RecentHeartbeatsAsync("kept-system", 10);
        Assert.Equal([Time.GetUtcNow() - TimeSpan.FromDays(201)], heartbeats.Select(h => h.At));
        Assert.Empty(await LiveRowsAsync("kept-system", "alert-"));
    }

    [Fact]
    public async Task RunDailyHousekeepingAsync_ExpiresIdempotentResponsesAfterTheirWindow_AndPurgesOnesStoredInClear()
    {
        var store = new TableIdempotencyStore(Tables);
        var big = new StoredResponse(201, new string('x', 200_000), "application/json", new Dictionary<string, string>(), "h");
        await store.TryClaimAsync("old-key", "h", Time.GetUtcNow());
        await store.CompleteAsync("old-key", big);
        await Tables.Idempotency.AddEntityAsync(new TableEntity("legacy", "response") { ["State"] = "done", ["Body"] = "{\"key\":\"gm_0123456789abcdef_secret\"}" });
        Time.Advance(TableHistoryArchive.IdempotencyWindow + TimeSpan.FromHours(1));
        await store.TryClaimAsync("new-key", "h", Time.GetUtcNow());
        await store.CompleteAsync("new-key", big with { Body = "{}" });

        Assert.True(await Archive(days: 400).RunDailyHousekeepingAsync());

        Assert.Equal(IdempotencyClaim.Claimed, (await store.TryClaimAsync("old-key", "h", Time.GetUtcNow())).Claim);
        Assert.Equal(IdempotencyClaim.Completed, (await store.TryClaimAsync("new-key", "h", Time.GetUtcNow())).Claim);
        var left = new List<string>();
        await foreach (var row in Tables.Idempotency.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            left.Add(row.PartitionKey);
        }

        Assert.DoesNotContain("legacy", left);
        Assert.Equal(2, left.Distinct().Count());
        Assert.Equal(2, left.Count);
    }

    [Fact]
    public async Task RunDailyHousekeepingAsync_RunsOnceADay_AcrossInstances()
    {
        var first = Archive(days: 400);
        var second = Archive(days: 400);

        var ran = await Task.WhenAll(first.RunDailyHousekeepingAsync(), second.RunDailyHousekeepingAsync());
        Time.Advance(TimeSpan.FromHours(23));
        var laterThatDay = await second.RunDailyHousekeepingAsync();
        Time.Advance(TimeSpan.FromHours(1));
        var nextDay = await second.RunDailyHousekeepingAsync();

        Assert.Single(ran, r => r);
        Assert.False(laterThatDay);
        Assert.True(nextDay);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(400, true)]
    [InlineData(3650, true)]
    [InlineData(3651, false)]
    public void RetentionOptions_AcceptsOneDayToTenYears(int days, bool valid) =>
        Assert.Equal(valid, new RetentionOptions { Days = days }.IsValid);

    private TableHistoryArchive Archive(int days) =>
        new(Tables, Options.Create(new RetentionOptions { Days = days }), Time, NullLogger<TableHistoryArchive>.Instance);

    /// <summary>Opens an alert, delivers its notification with one attempt, and resolves it (resolution notification left pending is delivered too).</summary>
    private async Task<string> ResolvedAlertWithDeliveredNotificationAsync(string systemId)
    {
        var system = (await Systems.GetAsync(systemId))?.System
            ?? await CreateAsync(new SystemBuilder().WithId(systemId).WithEmail(Party.Customer, "ml@acme.example").Build());
        var opened = await OpenAsync(system);
        await DeliverAllAsync();
        Time.Advance(TimeSpan.FromMinutes(10));
        await ApplyAsync(Transitions.Resolve(system, opened, "heartbeats resumed", Time.GetUtcNow()));
        await DeliverAllAsync();
        return opened.Id;
    }

    private async Task DeliverAllAsync()
    {
        var outbox = new TableOutbox(Tables);
        var due = new List<Notification>();
        await foreach (var n in outbox.ListDueAsync(Time.GetUtcNow()))
        {
            due.Add(n);
        }

        foreach (var n in due)
        {
            var leased = await outbox.TryLeaseAsync(n, Time.GetUtcNow() + TimeSpan.FromMinutes(2));
            await outbox.RecordAttemptAsync(
                leased! with { State = NotificationState.Delivered, Attempts = 1, DeliveredAt = Time.GetUtcNow(), LeasedUntil = null },
                new NotificationAttempt(n.Id, 1, Time.GetUtcNow(), true, null, TimeSpan.FromMilliseconds(5)));
        }
    }

    /// <summary>The first half of a move, as a crash would leave it: every history row copied, none deleted.</summary>
    private async Task CopyHistoryToArchiveAsync(string systemId)
    {
        foreach (var prefix in new[] { "alert-", "attempt-", "audit-", "notification-" })
        {
            foreach (var row in await LiveRowsAsync(systemId, prefix))
            {
                row.Remove("odata.etag");
                row.Remove("Timestamp");
                await Tables.Archive.UpsertEntityAsync(row, TableUpdateMode.Replace);
            }
        }
    }

    /// <summary>Everything the API shows of the system's history, in a comparable form.</summary>
    private async Task<string> ReadAllAsync(string systemId, string alertId)
    {
        var listed = await QueryAlertsAsync(new AlertQuery(SystemId: systemId));
        var resolved = await QueryAlertsAsync(new AlertQuery(State: AlertState.Resolved));
        var audit = await Systems.GetAuditAsync(systemId, 100);
        return string.Join(
                   "\n",
                   Describe(await new TableAlertStore(Tables).GetAsync(alertId)),
                   "listed " + string.Join(",", listed.Select(a => $"{a.Id}:{a.State}")),
                   "resolved " + string.Join(",", resolved.Select(a => a.Id)),
                   "audit " + string.Join(",", audit.Select(a => $"{a.Id}:{a.Action}")));
    }

    private static string Describe(AlertWithHistory? alert) => string.Join(
        "\n",
        $"alert {alert?.Alert.Id} {alert?.Alert.State} {alert?.Alert.ResolvedAt:O}",
        "notifications " + string.Join(",", alert?.Notifications.Select(n => $"{n.Id}:{n.State}:{n.Attempts}") ?? []),
        "attempts " + string.Join(",", alert?.Attempts.Select(a => $"{a.NotificationId}#{a.Attempt}@{a.At:O}") ?? []));
}
