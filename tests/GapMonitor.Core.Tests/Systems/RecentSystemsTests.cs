using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry.Sources;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace GapMonitor.Core.Tests.Systems;

public sealed class RecentSystemsTests
{
    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly RecentSystems _recent;

    public RecentSystemsTests() => _recent = new RecentSystems(_time);

    [Fact]
    public void Find_IsTheRememberedCopyUntilItsLifetimeEnds_ThenNothing()
    {
        var system = Read("sys-a");
        _recent.Remember(system, _recent.StartRead());

        _time.Advance(RecentSystems.Lifetime - TimeSpan.FromTicks(1));
        Assert.Same(system, _recent.Find("sys-a"));

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(_recent.Find("sys-a"));
    }

    [Fact]
    public void Find_ACopyWhoseReadWasSlow_LivesALifetimeFromTheReadsStart()
    {
        var start = _recent.StartRead();
        _time.Advance(TimeSpan.FromSeconds(3));
        _recent.Remember(Read("sys-a"), start);

        _time.Advance(RecentSystems.Lifetime - TimeSpan.FromSeconds(3));

        Assert.Null(_recent.Find("sys-a"));
    }

    [Fact]
    public void Find_ASystemNeverRemembered_IsNothing()
    {
        _recent.Remember(Read("sys-a"), _recent.StartRead());

        Assert.Null(_recent.Find("sys-b"));
    }

    [Fact]
    public void Forget_DropsTheCopyAtOnce()
    {
        _recent.Remember(Read("sys-a"), _recent.StartRead());

        _recent.Forget("sys-a");

        Assert.Null(_recent.Find("sys-a"));
    }

    [Fact]
    public void Remember_ACopyReadBeforeAChangeWasForgotten_IsNotKept()
    {
        var stamp = _recent.StartRead();
        _recent.Forget("sys-a");

        _recent.Remember(Read("sys-a"), stamp);

        Assert.Null(_recent.Find("sys-a"));
    }

    [Fact]
    public void Remember_BeyondCapacity_KeepsNoMore_UntilCopiesExpire()
    {
        for (var i = 0; i < RecentSystems.Capacity; i++)
        {
            _recent.Remember(Read($"sys-{i}"), _recent.StartRead());
        }

        _recent.Remember(Read("sys-extra"), _recent.StartRead());
        Assert.Null(_recent.Find("sys-extra"));
        Assert.NotNull(_recent.Find("sys-0"));

        _time.Advance(RecentSystems.Lifetime);
        _recent.Remember(Read("sys-extra"), _recent.StartRead());
        Assert.NotNull(_recent.Find("sys-extra"));
    }

    [Theory]
    [InlineData("rotate")]
    [InlineData("retire")]
    [InlineData("update")]
    public async Task ARegistryChange_ForgetsTheSystemsRecentCopy(string change)
    {
        var system = new SystemBuilder().WithId("sys-a").Build() with { ETag = "e1" };
        var store = new Mock<ISystemStore>();
        store.Setup(s => s.UpdateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((MonitoredSystem s, AuditEntry _, CancellationToken _) => s with { ETag = "e2" });
        var network = new OutboundNetworkOptions(false);
        var registry = new SystemRegistry(store.Object, new TelemetrySourceAuthorization(Mock.Of<ICustomerSourceStore>(), network), network, new IdGenerator(_time), _time, _recent);
        var vendor = new Principal(Role.Vendor, "key-1", Vendor: system.Vendor);
        _recent.Remember(new SystemWithAlerts(system, []), _recent.StartRead());

        _ = change switch
        {
            "rotate" => (object?)await registry.RotateIngestKeyAsync(system, vendor),
            "retire" => await registry.RetireAsync(system, vendor),
            _ => await registry.UpdateAsync(system, vendor),
        };

        Assert.Null(_recent.Find("sys-a"));
    }

    private static SystemWithAlerts Read(string id) => new(new SystemBuilder().WithId(id).Build(), []);
}
