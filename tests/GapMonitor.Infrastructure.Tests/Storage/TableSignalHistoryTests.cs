using GapMonitor.Core.Alerts;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableSignalHistoryTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task RecentHeartbeatsAsync_WhenSeveralAppended_ReturnsNewestFirstUpToMax()
    {
        var history = new TableSignalHistory(Tables, new IdGenerator(Time));
        var start = Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            var at = start + TimeSpan.FromMinutes(i);
            await history.AppendAsync(new Heartbeat("o'brien", i % 2 == 0 ? HeartbeatStatus.Ok : HeartbeatStatus.Fail, at, at, $"run {i}"));
        }

        await history.AppendAsync(new DeploymentEvent("o'brien", "7", start, start, "prod", "ci"));
        await history.AppendAsync(new Heartbeat("other", HeartbeatStatus.Ok, start, start, null));

        var recent = await history.RecentHeartbeatsAsync("o'brien", 3);

        Assert.Equal(["run 4", "run 3", "run 2"], recent.Select(h => h.Message));
        Assert.Equal(HeartbeatStatus.Fail, recent[1].Status);
        var deployment = Assert.Single(await history.RecentDeploymentsAsync("o'brien", 10));
        Assert.Equal(("7", "prod", "ci"), (deployment.ModelVersion, deployment.Environment, deployment.By));
    }
}
