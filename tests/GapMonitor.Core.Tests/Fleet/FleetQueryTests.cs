using GapMonitor.Core.Alerts;
using GapMonitor.Core.Fleet;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Fleet;

public class FleetQueryTests
{
    private static readonly DateTimeOffset Now = SystemBuilder.Epoch;
    private static readonly Principal Admin = new(Role.Admin, "k-admin");
    private readonly InMemorySystemStore _store = new();
    private readonly FleetQuery _fleet;

    public FleetQueryTests() => _fleet = new FleetQuery(_store, new FakeTimeProvider(Now));

    [Fact]
    public async Task ListAsync_ASystemUpWithContactsAndNoAlerts_MeetsThreeOfFourPractices_AndIsNotLapsed()
    {
        _store.Add(new SystemBuilder().WithId("sys-up").WithEmail(Party.Customer, "ops@acme.example").WithLastHeartbeat(Now).Build());

        var row = Assert.Single((await _fleet.ListAsync(Admin, new FleetFilter(), PageRequest.First())).Items);

        Assert.Equal("up", row.Monitoring);
        Assert.Equal(Party.Customer, row.Owner);
        Assert.False(row.Lapsed);
        Assert.Empty(row.OpenAlerts);
        Assert.Null(row.OldestUnacknowledgedAt);
        Assert.Equal(75, row.ContinuityScore); // deployment unknown: no deployment reported yet
    }

    [Fact]
    public async Task ListAsync_CountsOpenAndAcknowledgedAlertsApart_AndTheOldestWaitCountsFromAReopening()
    {
        var reopened = Alert("sys-a", AlertKinds.DriftDetected, Now.AddDays(-5), AlertState.Open) with { ReopenedAt = Now.AddHours(-3) };
        var silent = Alert("sys-a", AlertKinds.MonitoringSilent, Now.AddHours(-2), AlertState.Open);
        var acknowledged = Alert("sys-a", AlertKinds.TelemetryStale, Now.AddDays(-9), AlertState.Acknowledged);
        _store.Add(new SystemBuilder().WithId("sys-a").Build(), reopened, silent, acknowledged);

        var row = Assert.Single((await _fleet.ListAsync(Admin, new FleetFilter(), PageRequest.First())).Items);

        Assert.Equal(new Dictionary<string, int> { [AlertKinds.DriftDetected] = 1, [AlertKinds.MonitoringSilent] = 1 }, row.OpenAlerts);
        Assert.Equal(new Dictionary<string, int> { [AlertKinds.TelemetryStale] = 1 }, row.AcknowledgedAlerts);
        Assert.Equal(Now.AddHours(-3), row.OldestUnacknowledgedAt);
        Assert.True(row.Lapsed);
        Assert.Equal("down", row.Monitoring);
    }

    [Fact]
    public async Task ListAsync_ARetiredSystem_IsRetiredAndNeverLapsed()
    {
        _store.Add(new SystemBuilder().WithId("sys-old").RetiredAt(Now.AddDays(-1)).Build(), Alert("sys-old", AlertKinds.MonitoringSilent, Now.AddDays(-2), AlertState.Open));

        var page = await _fleet.ListAsync(Admin, new FleetFilter(), PageRequest.First());

        var row = Assert.Single(page.Items);
        Assert.Equal("retired", row.Monitoring);
        Assert.False(row.Lapsed);
        Assert.Equal(0, page.Totals.Lapsed);
    }

    [Fact]
    public async Task ListAsync_PagesInIdOrder_AndTotalsCoverEveryPage()
    {
        foreach (var id in new[] { "sys-3", "sys-1", "sys-4", "sys-2", "sys-5" })
        {
            _store.Add(new SystemBuilder().WithId(id).Build(), Alert(id, AlertKinds.MonitoringSilent, Now.AddHours(-1), AlertState.Open));
        }

        var first = await _fleet.ListAsync(Admin, new FleetFilter(), PageRequest.First(2));
        var second = await _fleet.ListAsync(Admin, new FleetFilter(), new PageRequest(2, first.Continuation));
        var last = await _fleet.ListAsync(Admin, new FleetFilter(), new PageRequest(2, second.Continuation));

        Assert.Equal(["sys-1", "sys-2", "sys-3", "sys-4", "sys-5"], new[] { first, second, last }.SelectMany(p => p.Items).Select(r => r.System.Id));
        Assert.Equal("sys-2", first.Continuation);
        Assert.Null(last.Continuation);
        Assert.All(new[] { first, second, last }, p =>
        {
            Assert.Equal(5, p.Totals.Systems);
            Assert.Equal(5, p.Totals.Lapsed);
            Assert.Equal(5, p.Totals.OpenAlerts[AlertKinds.MonitoringSilent]);
            Assert.Equal(5, p.Totals.ByOwner["customer"]);
        });
    }

    [Fact]
    public async Task ListAsync_ExactlyLimitSystems_HasNoContinuation()
    {
        _store.Add(new SystemBuilder().WithId("sys-1").Build());
        _store.Add(new SystemBuilder().WithId("sys-2").Build());

        var page = await _fleet.ListAsync(Admin, new FleetFilter(), PageRequest.First(2));

        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task ListAsync_KeepsToThePrincipalsScope_AVendorMintedCustomerKeySeesOnlyThatVendorsSystems()
    {
        _store.Add(new SystemBuilder().WithId("mw-acme").WithVendor("modelworks").WithCustomer("acme").Build());
        _store.Add(new SystemBuilder().WithId("mw-globex").WithVendor("modelworks").WithCustomer("globex").Build());
        _store.Add(new SystemBuilder().WithId("other-acme").WithVendor("other").WithCustomer("acme").Build());

        async Task<string[]> Ids(Principal p, FleetFilter? f = null) =>
            [.. (await _fleet.ListAsync(p, f ?? new FleetFilter(), PageRequest.First())).Items.Select(r => r.System.Id)];

        Assert.Equal(["mw-acme", "mw-globex"], await Ids(new Principal(Role.Vendor, "k1", Vendor: "modelworks")));
        Assert.Equal(["mw-acme", "other-acme"], await Ids(new Principal(Role.Customer, "k2", Customer: "acme")));
        Assert.Equal(["mw-acme"], await Ids(new Principal(Role.Customer, "k3", Vendor: "modelworks", Customer: "acme")));
        Assert.Empty(await Ids(new Principal(Role.Vendor, "k1", Vendor: "modelworks"), new FleetFilter(Vendor: "other")));
        Assert.Equal(3, (await _fleet.ListAsync(Admin, new FleetFilter(), PageRequest.First())).Totals.Systems);
        Assert.Equal(1, (await _fleet.ListAsync(new Principal(Role.Customer, "k3", Vendor: "modelworks", Customer: "acme"), new FleetFilter(), PageRequest.First())).Totals.Systems);
    }

    [Fact]
    public async Task ListAsync_FiltersByOwnerAndState_AndTotalsCountOnlyWhatIsSelected()
    {
        _store.Add(new SystemBuilder().WithId("new-handover").HandedOverAt(Now.AddDays(-1)).WithLastHeartbeat(Now).Build());
        _store.Add(new SystemBuilder().WithId("old-up").WithLastHeartbeat(Now).Build());
        _store.Add(new SystemBuilder().WithId("old-down").Build());

        var vendorOwned = await _fleet.ListAsync(Admin, new FleetFilter(Owner: Party.Vendor), PageRequest.First());
        var lapsed = await _fleet.ListAsync(Admin, new FleetFilter(State: FleetStates.Lapsed), PageRequest.First());
        var ok = await _fleet.ListAsync(Admin, new FleetFilter(State: FleetStates.Ok), PageRequest.First());
        var up = await _fleet.ListAsync(Admin, new FleetFilter(Owner: Party.Customer, State: FleetStates.Up), PageRequest.First());

        Assert.Equal(["new-handover"], vendorOwned.Items.Select(r => r.System.Id));
        Assert.Equal(new Dictionary<string, int> { ["customer"] = 0, ["vendor"] = 1 }, vendorOwned.Totals.ByOwner);
        Assert.Equal(["old-down"], lapsed.Items.Select(r => r.System.Id));
        Assert.Equal(1, lapsed.Totals.Systems);
        Assert.Equal(["new-handover", "old-up"], ok.Items.Select(r => r.System.Id));
        Assert.Equal(["old-up"], up.Items.Select(r => r.System.Id));
    }

    [Theory]
    [InlineData(4, 4, 100)]
    [InlineData(3, 4, 75)]
    [InlineData(2, 3, 67)]
    [InlineData(0, 4, 0)]
    [InlineData(0, 0, 0)]
    public void Score_IsTheShareOfPracticesMet_Rounded(int met, int of, int expected)
    {
        var practices = Enumerable.Range(0, of).Select(i => new GapMonitor.Core.Status.Practice($"p{i}", i < met ? "ok" : "gap", "")).ToList();

        Assert.Equal(expected, FleetRowReader.Score(practices));
    }

    private static Alert Alert(string systemId, string kind, DateTimeOffset openedAt, AlertState state) => new()
    {
        Id = $"{systemId}~{kind}",
        SystemId = systemId,
        Kind = kind,
        State = state,
        Summary = kind,
        OpenedAt = openedAt,
        OwnerAtOpening = Party.Customer,
    };
}
