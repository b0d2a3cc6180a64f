using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableAlertStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private TableAlertStore _alerts = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _alerts = new TableAlertStore(Tables);
    }

    [Fact]
    public async Task GetAsync_WhenAlertHasNotificationsAndAttempts_ReturnsThemAll()
    {
        var system = await CreateAsync(new SystemBuilder().WithId("hist")
            .WithEmail(Party.Customer, "ml@acme.example").WithWebhook(Party.Customer, "https://hooks.acme.example/gm").Build());
        var opened = await OpenAsync(system);
        var outbox = new TableOutbox(Tables);
        var first = await FirstDueAsync(outbox);
        var leased = await outbox.TryLeaseAsync(first, Time.GetUtcNow() + TimeSpan.FromMinutes(2));
        await outbox.RecordAttemptAsync(
            leased! with { State = NotificationState.Delivered, Attempts = 1, DeliveredAt = Time.GetUtcNow(), LeasedUntil = null },
            new NotificationAttempt(first.Id, 1, Time.GetUtcNow(), true, null, TimeSpan.FromMilliseconds(12)));

        var found = await _alerts.GetAsync(opened.Id);

        Assert.NotNull(found);
        Assert.Equal(opened.Id, found.Alert.Id);
        Assert.Equal(AlertState.Open, found.Alert.State);
        Assert.Equal(2, found.Notifications.Count);
        Assert.Contains(found.Notifications, n => n.Id == first.Id && n.State == NotificationState.Delivered);
        var attempt = Assert.Single(found.Attempts);
        Assert.Equal((first.Id, 1, true), (attempt.NotificationId, attempt.Attempt, attempt.Succeeded));
    }

    [Fact]
    public async Task GetAsync_WhenResolved_ReturnsResolvedAlertWithAllItsNotifications()
    {
        var system = await CreateAsync(new SystemBuilder().WithId("res").WithEmail(Party.Customer, "ml@acme.example").Build());
        var opened = await OpenAsync(system);
        Time.Advance(TimeSpan.FromMinutes(5));
        await ApplyAsync(Transitions.Resolve(system, opened, "ok again", Time.GetUtcNow()));

        var found = await _alerts.GetAsync(opened.Id);

        Assert.Equal(AlertState.Resolved, found!.Alert.State);
        Assert.Equal("ok again", found.Alert.Resolution);
        Assert.Equal([NotificationTypes.Opened, NotificationTypes.Resolved], found.Notifications.Select(n => n.Type));
    }

    [Theory]
    [InlineData("nodot")]
    [InlineData("hist.0190a0b0c0d0e0f00000000000000000")]
    [InlineData("x' or PartitionKey ne '.1")]
    public async Task GetAsync_WhenUnknownOrMalformed_ReturnsNull(string alertId)
    {
        await OpenAsync(await CreateAsync(new SystemBuilder().WithId("hist").Build()));

        Assert.Null(await _alerts.GetAsync(alertId));
    }

    [Fact]
    public async Task QueryAsync_WhenFiltered_ReturnsOnlyMatchingAlerts()
    {
        var a = await CreateAsync(new SystemBuilder().WithId("sys-a").WithVendor("v1").WithCustomer("c1").Build());
        var b = await CreateAsync(new SystemBuilder().WithId("sys-b").WithVendor("v1").WithCustomer("c2").Build());
        var c = await CreateAsync(new SystemBuilder().WithId("sys-c").WithVendor("v2").WithCustomer("c1").Build());
        var aSilent = await OpenAsync(a, AlertKinds.MonitoringSilent);
        var aFailing = await OpenAsync(a, AlertKinds.MonitoringFailing);
        await ApplyAsync(Transitions.Acknowledge(a, aFailing, "dana", null, Time.GetUtcNow(), "customer:c1"));
        var bOld = await OpenAsync(b, AlertKinds.MonitoringSilent);
        await ApplyAsync(Transitions.Resolve(b, bOld, "ok", Time.GetUtcNow()));
        var bNew = await OpenAsync(b, AlertKinds.MonitoringSilent);
        var cFailing = await OpenAsync(c, AlertKinds.MonitoringFailing);

        Assert.Equal(Ids(aSilent, aFailing, bOld, bNew, cFailing), await QueryAsync(new AlertQuery()));
        Assert.Equal(Ids(aSilent, bNew, cFailing), await QueryAsync(new AlertQuery(State: AlertState.Open)));
        Assert.Equal(Ids(aFailing), await QueryAsync(new AlertQuery(State: AlertState.Acknowledged)));
        Assert.Equal(Ids(bOld), await QueryAsync(new AlertQuery(State: AlertState.Resolved)));
        Assert.Equal(Ids(aFailing, cFailing), await QueryAsync(new AlertQuery(Kind: AlertKinds.MonitoringFailing)));
        Assert.Equal(Ids(aSilent, aFailing, bOld, bNew), await QueryAsync(new AlertQuery(Vendor: "v1")));
        Assert.Equal(Ids(aSilent, aFailing, cFailing), await QueryAsync(new AlertQuery(Customer: "c1")));
        Assert.Equal(Ids(bOld, bNew), await QueryAsync(new AlertQuery(SystemId: "sys-b")));
        Assert.Equal(Ids(aSilent), await QueryAsync(new AlertQuery(State: AlertState.Open, Kind: AlertKinds.MonitoringSilent, Customer: "c1")));
        Assert.Empty(await QueryAsync(new AlertQuery(Vendor: "v2", Customer: "c2")));
        Assert.Equal(2, (await QueryAsync(new AlertQuery(Max: 2))).Count);
    }

    [Theory]
    [InlineData("o'brien")]
    [InlineData("''")]
    [InlineData("x' or Vendor ne 'y")]
    [InlineData("x') or (Vendor ne 'y")]
    public async Task QueryAsync_WhenTenantNameContainsQuotes_MatchesExactlyAndInjectsNothing(string vendor)
    {
        var quoted = await CreateAsync(new SystemBuilder().WithId("quoted").WithVendor(vendor).WithCustomer(vendor).Build());
        var other = await CreateAsync(new SystemBuilder().WithId("other").WithVendor("y").WithCustomer("y").Build());
        var alert = await OpenAsync(quoted);
        await OpenAsync(other);

        Assert.Equal(Ids(alert), await QueryAsync(new AlertQuery(Vendor: vendor)));
        Assert.Equal(Ids(alert), await QueryAsync(new AlertQuery(Customer: vendor)));
        const string Probe = "x' or Vendor ne 'y";
        Assert.Equal(vendor == Probe ? Ids(alert) : [], await QueryAsync(new AlertQuery(Vendor: Probe)));
    }

    [Theory]
    [InlineData("o'brien-churn")]
    [InlineData("it's")]
    [InlineData("a' or PartitionKey ne '")]
    public async Task Stores_WhenSystemIdContainsQuote_ReadAndFilterOnlyThatPartition(string systemId)
    {
        var quoted = await CreateAsync(new SystemBuilder().WithId(systemId).WithEmail(Party.Customer, "ml@acme.example").Build());
        var other = await CreateAsync(new SystemBuilder().WithId("plain").WithEmail(Party.Customer, "ml@acme.example").Build());
        var alert = await OpenAsync(quoted);
        await OpenAsync(other);

        var system = await Systems.GetAsync(systemId);
        var history = await _alerts.GetAsync(alert.Id);

        Assert.Equal(systemId, system!.System.Id);
        Assert.Equal(alert.Id, Assert.Single(system.ActiveAlerts).Id);
        Assert.Equal(alert.Id, history!.Alert.Id);
        Assert.All(history.Notifications, n => Assert.Equal(systemId, n.SystemId));
        Assert.Equal(Ids(alert), await QueryAsync(new AlertQuery(SystemId: systemId)));
        Assert.Single(await Systems.GetAuditAsync(systemId, 10), e => e.Action == "alert.opened");
        Assert.Null(await Systems.GetAsync("x' or PartitionKey ne '"));
    }

    private static List<string> Ids(params Alert[] alerts) => [.. alerts.Select(a => a.Id).Order(StringComparer.Ordinal)];

    private async Task<List<string>> QueryAsync(AlertQuery query) =>
        [.. (await QueryAlertsAsync(query)).Select(a => a.Id).Order(StringComparer.Ordinal)];

    private async Task<Notification> FirstDueAsync(TableOutbox outbox)
    {
        await foreach (var due in outbox.ListDueAsync(Time.GetUtcNow()))
        {
            return due;
        }

        throw new InvalidOperationException("Nothing due.");
    }
}
