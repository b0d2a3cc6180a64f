using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry.Sources;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>
/// A system's configuration version on Azurite: signal writes keep it, an edit read before a heartbeat is written
/// again over the heartbeat (both survive), and an edit read before another edit is refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SystemConfigVersionStorageTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly Principal Vendor = new(Role.Vendor, "key-1", Vendor: "contoso-ml");

    [Fact]
    public async Task Update_ReadBeforeAHeartbeat_IsWrittenAgainAndKeepsTheHeartbeat()
    {
        var (registered, _) = (await Registry().RegisterAsync(new SystemBuilder().WithId("cfg-race").Build(), Vendor))!.Value;
        var readForEdit = (await Systems.GetAsync("cfg-race"))!.System;
        var heartbeatAt = Time.GetUtcNow();
        await Signals().UpdateAsync("cfg-race", s => s with { Signals = s.Signals with { LastHeartbeatAt = heartbeatAt, LastHeartbeatStatus = HeartbeatStatus.Ok } });
        var afterHeartbeat = (await Systems.GetAsync("cfg-race"))!.System;

        var updated = await Registry().UpdateAsync(readForEdit with { Name = "Renamed" }, Vendor);

        Assert.NotEqual(readForEdit.ETag, afterHeartbeat.ETag);
        Assert.Equal(registered.ConfigVersion, afterHeartbeat.ConfigVersion);
        Assert.NotNull(updated);
        Assert.NotEqual(registered.ConfigVersion, updated.ConfigVersion);
        var stored = (await Systems.GetAsync("cfg-race"))!.System;
        Assert.Equal(("Renamed", heartbeatAt, HeartbeatStatus.Ok), (stored.Name, stored.Signals.LastHeartbeatAt, stored.Signals.LastHeartbeatStatus));
        Assert.Equal(updated.ConfigVersion, stored.ConfigVersion);
    }

    [Fact]
    public async Task Update_ReadBeforeAnotherEdit_IsRefusedAndChangesNothing()
    {
        await Registry().RegisterAsync(new SystemBuilder().WithId("cfg-edit").Build(), Vendor);
        var readForEdit = (await Systems.GetAsync("cfg-edit"))!.System;
        Assert.NotNull(await Registry().UpdateAsync(readForEdit with { Name = "First" }, Vendor));

        Assert.Null(await Registry().UpdateAsync(readForEdit with { Name = "Second" }, Vendor));
        Assert.Equal("First", (await Systems.GetAsync("cfg-edit"))!.System.Name);
    }

    [Fact]
    public async Task ARowStoredBeforeConfigVersions_ReadsAsTheInitialVersion_AndAnEditGivesItOne()
    {
        var old = await CreateAsync(new SystemBuilder().WithId("cfg-old").Build());
        Assert.Null(old.ConfigVersion);
        var read = (await Systems.GetAsync("cfg-old"))!.System;

        var updated = await Registry().UpdateAsync(read with { Name = "Renamed" }, Vendor);

        Assert.Equal($"\"c-{MonitoredSystem.InitialConfigVersion}\"", read.ConfigETag);
        Assert.NotNull(updated);
        Assert.NotEqual(read.ConfigETag, (await Systems.GetAsync("cfg-old"))!.System.ConfigETag);
    }

    private SystemRegistry Registry() =>
        new(Systems, new TelemetrySourceAuthorization(new TableCustomerSourceStore(Tables), new OutboundNetworkOptions(false)), new OutboundNetworkOptions(false), new IdGenerator(Time), Time);

    private SystemSignals Signals() => new(Systems, new SystemEvaluator(Transitions), Time);
}
