using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableSystemStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task CreateAsync_WhenNew_ReadsBackEverythingWithETagAndAudit()
    {
        var system = new SystemBuilder().WithId("acme-churn").WithName("Churn \"v2\" model")
            .WithEmail(Party.Customer, "ml@acme.example")
            .WithWebhook(Party.Vendor, "https://hooks.modelworks.example/gm")
            .WithLastHeartbeat(Time.GetUtcNow(), HeartbeatStatus.Fail, "job failed")
            .Build() with
        { Model = new ModelInfo("churn-xgb", "7"), IngestKeyHash = new string('a', 64) };

        var created = await CreateAsync(system);
        var read = await Systems.GetAsync("acme-churn");

        Assert.NotNull(created.ETag);
        Assert.NotNull(read);
        Assert.Empty(read.ActiveAlerts);
        Assert.Equal(created.ETag, read.System.ETag);
        Assert.Equal(system with { ETag = read.System.ETag, Contacts = read.System.Contacts }, read.System);
        Assert.Equal(system.Contacts, read.System.Contacts);
        var audit = Assert.Single(await Systems.GetAuditAsync("acme-churn", 10));
        Assert.Equal("system.registered", audit.Action);
    }

    [Fact]
    public async Task CreateAsync_WhenIdTaken_ThrowsConcurrencyConflict()
    {
        await CreateAsync(new SystemBuilder().WithId("taken").Build());

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CreateAsync(new SystemBuilder().WithId("taken").WithName("other").Build()));
    }

    [Fact]
    public async Task GetAsync_WhenUnknown_ReturnsNull()
    {
        Assert.Null(await Systems.GetAsync("nope"));
    }

    [Fact]
    public async Task UpdateAsync_WhenETagCurrent_ReplacesAndReturnsNewETag()
    {
        var created = await CreateAsync(new SystemBuilder().WithId("upd").Build());

        var updated = await Systems.UpdateAsync(created with { Name = "Renamed" }, Audit("upd", "system.updated"));

        Assert.NotEqual(created.ETag, updated.ETag);
        var read = await Systems.GetAsync("upd");
        Assert.Equal("Renamed", read!.System.Name);
        Assert.Equal(updated.ETag, read.System.ETag);
    }

    [Fact]
    public async Task UpdateAsync_WhenETagStale_ThrowsAndKeepsTheFirstWrite()
    {
        var created = await CreateAsync(new SystemBuilder().WithId("stale").Build());
        await Systems.UpdateAsync(created with { Name = "First" }, Audit("stale", "system.updated"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Systems.UpdateAsync(created with { Name = "Second" }, Audit("stale", "system.updated")));

        Assert.Equal("First", (await Systems.GetAsync("stale"))!.System.Name);
        Assert.Equal(2, (await Systems.GetAuditAsync("stale", 10)).Count);
    }

    [Fact]
    public async Task ApplyAsync_WhenAlertOpened_WritesAlertNotificationsAndAuditTogether()
    {
        var system = await CreateAsync(Contactable("open-1"));

        var opened = await OpenAsync(system);

        Assert.Equal(AlertState.Open, opened.State);
        Assert.NotNull(opened.ETag);
        var notifications = await RowsAsync("open-1", "notification-");
        Assert.Equal(2, notifications.Count);
        Assert.All(notifications, n => Assert.Equal(opened.Id, n.GetString("AlertId")));
        Assert.Contains(await Systems.GetAuditAsync("open-1", 10), a => a.Action == "alert.opened" && a.AlertId == opened.Id);
    }

    [Fact]
    public async Task ApplyAsync_WhenSecondActiveAlertOfSameKind_WritesNothingOfIt()
    {
        var system = await CreateAsync(Contactable("dup"));
        var first = await OpenAsync(system);
        var auditBefore = (await Systems.GetAuditAsync("dup", 100)).Count;
        var duplicate = new SystemChangeSet("dup");
        duplicate.Add(Transitions.Open(system, AlertKinds.MonitoringSilent, "again", Time.GetUtcNow()));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Systems.ApplyAsync(duplicate));

        Assert.Equal(first.Id, Assert.Single((await Systems.GetAsync("dup"))!.ActiveAlerts).Id);
        Assert.All(await RowsAsync("dup", "notification-"), n => Assert.Equal(first.Id, n.GetString("AlertId")));
        Assert.Equal(2, (await RowsAsync("dup", "notification-")).Count);
        Assert.Equal(auditBefore, (await Systems.GetAuditAsync("dup", 100)).Count);
    }

    [Fact]
    public async Task ApplyAsync_WhenOneAlertOfTheChangeSetConflicts_WritesNoneOfTheOthers()
    {
        var system = await CreateAsync(Contactable("mixed"));
        await OpenAsync(system, AlertKinds.MonitoringSilent);
        var changes = new SystemChangeSet("mixed");
        changes.Add(Transitions.Open(system, AlertKinds.MonitoringFailing, "failing", Time.GetUtcNow()));
        changes.Add(Transitions.Open(system, AlertKinds.MonitoringSilent, "silent again", Time.GetUtcNow()));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Systems.ApplyAsync(changes));

        var active = Assert.Single((await Systems.GetAsync("mixed"))!.ActiveAlerts);
        Assert.Equal(AlertKinds.MonitoringSilent, active.Kind);
        Assert.Equal(2, (await RowsAsync("mixed", "notification-")).Count);
    }

    [Fact]
    public async Task ApplyAsync_WhenAlertChangedSinceRead_ThrowsAndWritesNothing()
    {
        var system = await CreateAsync(Contactable("race"));
        var opened = await OpenAsync(system);
        Time.Advance(system.AcknowledgeWithin);
        await ApplyAsync(Transitions.Escalate(system, opened, Time.GetUtcNow()));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ApplyAsync(Transitions.Escalate(system, opened, Time.GetUtcNow())));

        var escalations = (await RowsAsync("race", "notification-")).Where(n => n.GetString("Type") == NotificationTypes.Escalated).ToList();
        Assert.Single(escalations);
        Assert.Single(await Systems.GetAuditAsync("race", 100), a => a.Action == "alert.escalated");
    }

    [Fact]
    public async Task ApplyAsync_WhenSystemETagStale_ThrowsAndWritesNoAlert()
    {
        var created = await CreateAsync(Contactable("sys-stale"));
        await Systems.UpdateAsync(created with { Name = "Changed meanwhile" }, Audit("sys-stale", "system.updated"));
        var changes = new SystemChangeSet("sys-stale");
        changes.Add(Transitions.Open(created, AlertKinds.MonitoringSilent, "silent", Time.GetUtcNow()));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Systems.ApplyAsync(changes, created with { Signals = new SignalState { LastHeartbeatAt = Time.GetUtcNow() } }));

        Assert.Empty((await Systems.GetAsync("sys-stale"))!.ActiveAlerts);
        Assert.Empty(await RowsAsync("sys-stale", "notification-"));
    }

    [Fact]
    public async Task ApplyAsync_WhenANoticeAndAnUpdatedSystem_WritesTheSystemRowTheNotificationsAndTheAuditTogether()
    {
        var created = await CreateAsync(Contactable("sys-notice"));
        var changes = new SystemChangeSet("sys-notice");
        changes.Add(Notice(created));
        changes.UpdateSystem(created with { Name = "Remembers the notice" });

        await Systems.ApplyAsync(changes, created);

        Assert.Equal("Remembers the notice", (await Systems.GetAsync("sys-notice"))!.System.Name);
        var rows = await RowsAsync("sys-notice", "notification-");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.False(r.ContainsKey("AlertId")));
        Assert.All(rows, r => Assert.Equal("handover.test", r.GetString("Type")));
        Assert.Contains(await RowsAsync("sys-notice", "audit-"), r => r.GetString("Action") == "handover.test-notice");
        Assert.Empty((await Systems.GetAsync("sys-notice"))!.ActiveAlerts);
    }

    [Fact]
    public async Task ApplyAsync_WhenANoticeAndTheSystemChangedSinceRead_WritesNeitherTheNoticeNorTheSystemRow()
    {
        var created = await CreateAsync(Contactable("sys-notice-stale"));
        await Systems.UpdateAsync(created with { Name = "Changed meanwhile" }, Audit("sys-notice-stale", "system.updated"));
        var changes = new SystemChangeSet("sys-notice-stale");
        changes.Add(Notice(created));
        changes.UpdateSystem(created with { Name = "Remembers the notice" });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Systems.ApplyAsync(changes, created));

        Assert.Equal("Changed meanwhile", (await Systems.GetAsync("sys-notice-stale"))!.System.Name);
        Assert.Empty(await RowsAsync("sys-notice-stale", "notification-"));
    }

    private SystemNotice Notice(MonitoredSystem system)
    {
        var envelope = new NotificationEnvelope("handover.test", Time.GetUtcNow(), new NotificationData(null, SystemSnapshot.Of(system)) { Title = "A notice" });
        var notifications = new NotificationFanOut(new IdGenerator(Time)).ToParties(system, [Party.Vendor, Party.Customer], envelope);
        return new SystemNotice(notifications, Audit(system.Id, "handover.test-notice"));
    }

    [Fact]
    public async Task ApplyAsync_WhenTheChangeExceedsOneTransaction_WritesEveryAlertWithAllItsNotificationsAndAudit()
    {
        var system = await CreateAsync(WithTwentyContacts("big"));
        var changes = ThreeOpenings(system);
        Assert.True(changes.Notifications.Count + changes.Audit.Count + 3 > 100, "more rows than one transaction takes");

        await Systems.ApplyAsync(changes, system);

        var stored = await Systems.GetAsync("big");
        Assert.Equal(3, stored!.ActiveAlerts.Count);
        var notifications = await RowsAsync("big", "notification-");
        Assert.Equal(120, notifications.Count);
        Assert.All(stored.ActiveAlerts, a => Assert.Equal(40, notifications.Count(n => n.GetString("AlertId") == a.Id)));
        Assert.Equal(3, (await Systems.GetAuditAsync("big", 100)).Count(a => a.Action == "alert.opened"));
        Assert.NotEqual(system.ETag, stored.System.ETag);
    }

    [Fact]
    public async Task ApplyAsync_WhenTheChangeExceedsOneTransactionAndTheSystemChangedSinceRead_WritesNothing()
    {
        var system = await CreateAsync(WithTwentyContacts("big-stale"));
        await Systems.UpdateAsync(system with { Name = "Changed meanwhile" }, Audit("big-stale", "system.updated"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Systems.ApplyAsync(ThreeOpenings(system), system));

        Assert.Empty((await Systems.GetAsync("big-stale"))!.ActiveAlerts);
        Assert.Empty(await RowsAsync("big-stale", "notification-"));
    }

    [Fact]
    public async Task ApplyAsync_WhenResolved_MovesActiveRowToAlertRowAndSameKindCanOpenAgain()
    {
        var system = await CreateAsync(Contactable("resolve"));
        var opened = await OpenAsync(system);
        Time.Advance(TimeSpan.FromMinutes(10));

        await ApplyAsync(Transitions.Resolve(system, opened, "fresh heartbeat", Time.GetUtcNow()));

        Assert.Empty((await Systems.GetAsync("resolve"))!.ActiveAlerts);
        Assert.Empty(await RowsAsync("resolve", "active-"));
        var moved = Assert.Single(await RowsAsync("resolve", "alert-"));
        Assert.Equal("alert-" + opened.Id, moved.RowKey);
        Assert.Equal(nameof(AlertState.Resolved), moved.GetString("State"));
        Time.Advance(TimeSpan.FromHours(3));
        var reopened = await OpenAsync(system);
        Assert.NotEqual(opened.Id, reopened.Id);
        Assert.Single(await RowsAsync("resolve", "active-"));
        Assert.Single(await RowsAsync("resolve", "alert-"));
    }

    [Fact]
    public async Task GetAuditAsync_WhenSeveralEntries_ReturnsNewestFirstUpToMax()
    {
        var system = await CreateAsync(Contactable("audit"));
        // Entries at the same instant order by id, and the registration's id is random: keep the instants apart.
        Time.Advance(TimeSpan.FromMinutes(1));
        var opened = await OpenAsync(system);
        Time.Advance(TimeSpan.FromHours(5));
        await ApplyAsync(Transitions.Escalate(system, opened, Time.GetUtcNow()));

        var audit = await Systems.GetAuditAsync("audit", 2);

        Assert.Equal(["alert.escalated", "alert.opened"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task ListAllAsync_WhenAlertsSpanResultPages_GroupsEveryAlertWithItsSystem()
    {
        var kinds = AlertKinds.All.Order(StringComparer.Ordinal).ToArray();
        var expected = Enumerable.Range(0, 250).ToDictionary(
            i => $"ls-{i:D3}",
            i => kinds.Take((i + 3) % 8).ToHashSet(StringComparer.Ordinal));
        await Parallel.ForEachAsync(expected, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (entry, _) =>
        {
            var system = await CreateAsync(new SystemBuilder().WithId(entry.Key).Build());
            var changes = new SystemChangeSet(entry.Key);
            foreach (var kind in entry.Value)
            {
                changes.Add(Transitions.Open(system, kind, kind, Time.GetUtcNow()));
            }

            await Systems.ApplyAsync(changes);
        });
        await AssertAPartitionStraddlesPagesAsync();

        var listed = new List<SystemWithAlerts>();
        await foreach (var group in Systems.ListAllAsync())
        {
            listed.Add(group);
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), listed.Select(g => g.System.Id));
        Assert.All(listed, g =>
        {
            Assert.All(g.ActiveAlerts, a => Assert.Equal(g.System.Id, a.SystemId));
            Assert.Equal(expected[g.System.Id], g.ActiveAlerts.Select(a => a.Kind).ToHashSet(StringComparer.Ordinal));
        });
    }

    [Fact]
    public async Task ListAllAsync_WhenNoSystems_YieldsNothing()
    {
        await foreach (var _ in Systems.ListAllAsync())
        {
            Assert.Fail("No system expected.");
        }
    }

    /// <summary>Precondition of the paging test: the first 1000-row page ends inside a system's partition.</summary>
    private async Task AssertAPartitionStraddlesPagesAsync()
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {"system"} or (RowKey ge {"active-"} and RowKey lt {"active."})");
        var pages = new List<IReadOnlyList<TableEntity>>();
        await foreach (var page in Tables.Systems.QueryAsync<TableEntity>(filter, maxPerPage: 1000).AsPages())
        {
            pages.Add(page.Values);
        }

        Assert.True(pages.Count > 1, "expected more than one result page");
        Assert.Equal(pages[0][^1].PartitionKey, pages[1][0].PartitionKey);
    }

    /// <summary>The most contacts a system may have, each by email and webhook: 40 notifications per alert change.</summary>
    private MonitoredSystem WithTwentyContacts(string id)
    {
        var builder = new SystemBuilder().WithId(id).HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30));
        for (var i = 0; i < 20; i++)
        {
            builder.WithContact(new Contact(Party.Customer, $"person{i}@acme.example", new WebhookEndpoint(new Uri($"https://hooks.acme.example/gm/{i}"), TestWebhookSecret)));
        }

        return builder.Build();
    }

    private SystemChangeSet ThreeOpenings(MonitoredSystem system)
    {
        var changes = new SystemChangeSet(system.Id);
        foreach (var kind in new[] { AlertKinds.MonitoringSilent, AlertKinds.DriftDetected, AlertKinds.TelemetryStale })
        {
            changes.Add(Transitions.Open(system, kind, kind, Time.GetUtcNow()));
        }

        return changes;
    }

    private const string TestWebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static MonitoredSystem Contactable(string id) => new SystemBuilder().WithId(id)
        .WithEmail(Party.Customer, "ml@acme.example")
        .WithWebhook(Party.Customer, "https://hooks.acme.example/gm")
        .WithEmail(Party.Vendor, "ops@modelworks.example")
        .Build();
}
