using GapMonitor.Core.Signals;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>A sweep decides on the snapshot it listed; a write that happened since must win over that decision.</summary>
[Collection(AzuriteCollection.Name)]
public class SystemEvaluationTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task EvaluateAsync_WhenSnapshotIsCurrent_OpensSilentAlert()
    {
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time);
        await CreateAsync(Silent("current"));
        Time.Advance(UntilDown);

        var outcome = await graph.GetRequiredService<SystemEvaluation>().EvaluateAsync((await Systems.GetAsync("current"))!);

        Assert.Equal(new EvaluationOutcome(1, 0, 0, Conflict: false, Notifications: 1), outcome);
        Assert.Single((await Systems.GetAsync("current"))!.ActiveAlerts);
    }

    [Fact]
    public async Task EvaluateAsync_WhenHeartbeatArrivedAfterTheSweepReadTheSystem_OpensNoAlert()
    {
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time);
        var system = await CreateAsync(Silent("stale"));
        Time.Advance(UntilDown);
        var listedBySweep = (await Systems.GetAsync("stale"))!;
        await graph.GetRequiredService<SignalIngestion>().RecordHeartbeatAsync(system, HeartbeatStatus.Ok, at: null, message: null);

        var outcome = await graph.GetRequiredService<SystemEvaluation>().EvaluateAsync(listedBySweep);

        Assert.True(outcome.Conflict);
        Assert.Empty((await Systems.GetAsync("stale"))!.ActiveAlerts);
        Assert.Empty(await RowsAsync("stale", "notification-"));
    }

    [Fact]
    public async Task EvaluateAsync_WhenSystemWasRetiredAfterTheSweepReadIt_OpensNoAlert()
    {
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time);
        var system = await CreateAsync(Silent("retired"));
        Time.Advance(UntilDown);
        var listedBySweep = (await Systems.GetAsync("retired"))!;
        await Systems.UpdateAsync(system with { RetiredAt = Time.GetUtcNow() }, Audit("retired", "system.retired"));

        var outcome = await graph.GetRequiredService<SystemEvaluation>().EvaluateAsync(listedBySweep);

        Assert.True(outcome.Conflict);
        Assert.Empty((await Systems.GetAsync("retired"))!.ActiveAlerts);
    }

    private MonitoredSystem Silent(string id) =>
        new SystemBuilder().WithId(id).RegisteredAt(Time.GetUtcNow()).WithEmail(Party.Customer, "ml@acme.example").Build();
}
