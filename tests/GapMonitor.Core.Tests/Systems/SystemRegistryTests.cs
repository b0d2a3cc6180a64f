using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry.Sources;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace GapMonitor.Core.Tests.Systems;

public sealed class SystemRegistryTests
{
    private static readonly Principal Vendor = new(Role.Vendor, "key-1", Vendor: "contoso-ml");
    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly Mock<ISystemStore> _store = new();
    private readonly List<AuditEntry> _audit = [];

    public SystemRegistryTests()
    {
        _store.Setup(s => s.CreateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<MonitoredSystem, AuditEntry, CancellationToken>((_, audit, _) => _audit.Add(audit))
            .ReturnsAsync((MonitoredSystem system, AuditEntry _, CancellationToken _) => system with { ETag = "e1" });
        _store.Setup(s => s.UpdateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<MonitoredSystem, AuditEntry, CancellationToken>((_, audit, _) => _audit.Add(audit))
            .ReturnsAsync((MonitoredSystem system, AuditEntry _, CancellationToken _) => system with { ETag = "e2" });
    }

    [Fact]
    public async Task Register_StoresOnlyTheIngestKeysHash_AndAuditsUnderTheCallersName()
    {
        var system = new SystemBuilder().WithId("acme-churn").WithName("Churn").Build();

        var registered = await Registry().RegisterAsync(system, Vendor);

        Assert.NotNull(registered);
        var (stored, ingestKey) = registered.Value;
        Assert.StartsWith("gmi_", ingestKey, StringComparison.Ordinal);
        Assert.Equal(ApiKeyFormat.Hash(ingestKey), stored.IngestKeyHash);
        Assert.DoesNotContain(ingestKey, stored.IngestKeyHash, StringComparison.Ordinal);
        var audit = Assert.Single(_audit);
        Assert.Equal(("acme-churn", "system.registered", Vendor.Name, "Churn", _time.GetUtcNow()), (audit.SystemId, audit.Action, audit.Actor, audit.Detail, audit.At));
    }

    [Fact]
    public async Task Register_ATakenId_ReturnsNothing()
    {
        _store.Setup(s => s.CreateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException());

        Assert.Null(await Registry().RegisterAsync(new SystemBuilder().WithId("taken").Build(), Vendor));
    }

    [Fact]
    public async Task Update_WhenTheSystemChangedMeanwhile_ReturnsNothing()
    {
        _store.Setup(s => s.UpdateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException());

        Assert.Null(await Registry().UpdateAsync(new SystemBuilder().Build(), Vendor));
    }

    [Fact]
    public async Task Update_WhenOnlySignalsChangedMeanwhile_IsWrittenAgainOverThemWithANewConfigVersion()
    {
        var read = new SystemBuilder().WithId("busy").Build() with { ConfigVersion = "v1", ETag = "row-1" };
        var heartbeatAt = _time.GetUtcNow();
        var afterHeartbeat = read with { Signals = read.Signals with { LastHeartbeatAt = heartbeatAt }, ETag = "row-2" };
        var written = new List<MonitoredSystem>();
        _store.Setup(s => s.GetAsync("busy", It.IsAny<CancellationToken>())).ReturnsAsync(new SystemWithAlerts(afterHeartbeat, []));
        _store.Setup(s => s.UpdateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<MonitoredSystem, AuditEntry, CancellationToken>((s, _, _) => written.Add(s))
            .Returns((MonitoredSystem s, AuditEntry _, CancellationToken _) => s.ETag == "row-2"
                ? Task.FromResult(s with { ETag = "row-3" })
                : throw new ConcurrencyConflictException());

        var updated = await Registry().UpdateAsync(read with { Name = "Renamed" }, Vendor);

        Assert.NotNull(updated);
        Assert.Equal(2, written.Count);
        Assert.Equal(("Renamed", heartbeatAt, "row-3"), (updated.Name, updated.Signals.LastHeartbeatAt, updated.ETag));
        Assert.NotEqual("v1", updated.ConfigVersion);
        Assert.Equal(written[0].ConfigVersion, updated.ConfigVersion);
    }

    [Fact]
    public async Task Update_WhenTheConfigurationChangedMeanwhile_ReturnsNothingWithoutWritingAgain()
    {
        var read = new SystemBuilder().WithId("edited").Build() with { ConfigVersion = "v1", ETag = "row-1" };
        _store.Setup(s => s.GetAsync("edited", It.IsAny<CancellationToken>())).ReturnsAsync(new SystemWithAlerts(read with { ConfigVersion = "v2", ETag = "row-2" }, []));
        _store.Setup(s => s.UpdateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException());

        Assert.Null(await Registry().UpdateAsync(read with { Name = "Renamed" }, Vendor));
        _store.Verify(s => s.UpdateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Register_GivesTheSystemAConfigVersion()
    {
        var registered = await Registry().RegisterAsync(new SystemBuilder().WithId("fresh").Build(), Vendor);

        Assert.False(string.IsNullOrEmpty(registered!.Value.System.ConfigVersion));
    }

    [Fact]
    public async Task Retire_SetsRetiredAtNow_Once()
    {
        var system = new SystemBuilder().WithId("old-model").Build();
        MonitoredSystem? written = null;
        _store.Setup(s => s.UpdateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<MonitoredSystem, AuditEntry, CancellationToken>((s, audit, _) =>
            {
                written = s;
                _audit.Add(audit);
            })
            .ReturnsAsync((MonitoredSystem s, AuditEntry _, CancellationToken _) => s);

        Assert.True(await Registry().RetireAsync(system, Vendor));
        Assert.True(await Registry().RetireAsync(written!, Vendor));

        Assert.Equal(_time.GetUtcNow(), written!.RetiredAt);
        _store.Verify(s => s.UpdateAsync(It.IsAny<MonitoredSystem>(), It.Is<AuditEntry>(a => a.Action == "system.retired"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RotateIngestKey_StoresOnlyTheNewKeysHash_AndAuditsIt()
    {
        var system = new SystemBuilder().WithId("acme-churn").Build() with { IngestKeyHash = ApiKeyFormat.Hash("old") };
        MonitoredSystem? written = null;
        _store.Setup(s => s.UpdateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<MonitoredSystem, AuditEntry, CancellationToken>((s, audit, _) =>
            {
                written = s;
                _audit.Add(audit);
            })
            .ReturnsAsync((MonitoredSystem s, AuditEntry _, CancellationToken _) => s);

        var ingestKey = await Registry().RotateIngestKeyAsync(system, Vendor);

        Assert.StartsWith("gmi_acme-churn_", ingestKey, StringComparison.Ordinal);
        Assert.Equal(ApiKeyFormat.Hash(ingestKey!), written!.IngestKeyHash);
        var audit = Assert.Single(_audit);
        Assert.Equal(("acme-churn", "system.ingest-key-rotated", Vendor.Name), (audit.SystemId, audit.Action, audit.Actor));
        Assert.DoesNotContain(ingestKey!, audit.Detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateIngestKey_WhenTheSystemsSignalsChangedMeanwhile_RereadsItAndRotates()
    {
        var system = new SystemBuilder().WithId("acme-churn").WithVendor("contoso-ml").Build() with { ETag = "old" };
        var reread = system with { ETag = "new" };
        _store.Setup(s => s.GetAsync("acme-churn", It.IsAny<CancellationToken>())).ReturnsAsync(new SystemWithAlerts(reread, []));
        _store.Setup(s => s.UpdateAsync(It.Is<MonitoredSystem>(m => m.ETag == "old"), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException());

        var ingestKey = await Registry().RotateIngestKeyAsync(system, Vendor);

        Assert.NotNull(ingestKey);
        _store.Verify(s => s.UpdateAsync(It.Is<MonitoredSystem>(m => m.ETag == "new" && m.IngestKeyHash == ApiKeyFormat.Hash(ingestKey!)), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task CheckOutbound_RefusesAWebhookItCouldNeverDeliverTo_NamingItsField()
    {
        var system = new SystemBuilder()
            .WithEmail(Party.Customer, "ops@acme.example")
            .WithWebhook(Party.Customer, "https://hooks.acme.example:8443/gap")
            .Build();

        var refusals = await Registry().CheckOutboundAsync(system, existing: null, Vendor);

        var refusal = Assert.Single(refusals);
        Assert.Equal($"contacts[{system.Contacts.Count - 1}].webhook.url", refusal.Field);
    }

    private SystemRegistry Registry() =>
        new(_store.Object, new TelemetrySourceAuthorization(Mock.Of<ICustomerSourceStore>(), new OutboundNetworkOptions(false)), new OutboundNetworkOptions(false), new IdGenerator(_time), _time);
}
