using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>
/// An unresponsive telemetry source delays gap detection by at most the pull budget. <c>RunAsync</c> sets its budget
/// timer before its first await, so once it has returned its task, advancing the fake clock past the budget ends the wait.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class PullBudgetTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    /// <summary>Guards the test run only (a hung sweep fails the test instead of hanging it); the product runs on the fake clock.</summary>
    private static readonly TimeSpan TestGuard = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RunAsync_WhenThePullNeverReturns_EvaluatesOnceTheBudgetHasPassed()
    {
        var puller = new HangingPuller();
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services => services.AddSingleton<ITelemetryPuller>(puller));
        await CreateSilentSystemAsync("behind-a-slow-pull");
        try
        {
            var sweep = graph.GetRequiredService<SweepService>().RunAsync();
            await puller.Started.WaitAsync(TestGuard);
            Time.Advance(SweepSettings.Default.PullBudget);

            var summary = await sweep.WaitAsync(TestGuard);

            Assert.Equal((1, 1, 0), (summary.SystemsEvaluated, summary.AlertsOpened, summary.SystemsFailed));
        }
        finally
        {
            puller.Release();
        }
    }

    [Fact]
    public async Task RunAsync_WhileAnEarlierPullStillRuns_DoesNotPullAgainAndStillEvaluates()
    {
        var puller = new HangingPuller();
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services => services.AddSingleton<ITelemetryPuller>(puller));
        var sweeps = graph.GetRequiredService<SweepService>();
        try
        {
            var first = sweeps.RunAsync();
            await puller.Started.WaitAsync(TestGuard);
            Time.Advance(SweepSettings.Default.PullBudget);
            await first.WaitAsync(TestGuard);
            await CreateSilentSystemAsync("next-minute");

            var second = sweeps.RunAsync();
            Time.Advance(SweepSettings.Default.PullBudget);
            var summary = await second.WaitAsync(TestGuard);

            Assert.Equal(1, puller.Calls);
            Assert.Equal(1, summary.AlertsOpened);
        }
        finally
        {
            puller.Release();
        }
    }

    [Fact]
    public async Task RunAsync_WhenThePullItJoinedIsCancelledByTheSweepThatStartedIt_StillEvaluates()
    {
        var puller = new HangingPuller();
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services => services.AddSingleton<ITelemetryPuller>(puller));
        var sweeps = graph.GetRequiredService<SweepService>();
        await CreateSilentSystemAsync("joined");
        using var aborted = new CancellationTokenSource();

        var first = sweeps.RunAsync(aborted.Token);
        await puller.Started.WaitAsync(TestGuard);
        var second = sweeps.RunAsync();
        await aborted.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(TestGuard));
        var summary = await second.WaitAsync(TestGuard);
        Assert.Equal((1, 1), (puller.Calls, summary.AlertsOpened));
    }

    [Fact]
    public async Task RunAsync_WhenThePullFinishesWithinTheBudget_WaitsForItAndNeedsNoClockToPass()
    {
        var puller = new HangingPuller();
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services => services.AddSingleton<ITelemetryPuller>(puller));
        await CreateSilentSystemAsync("quick-pull");
        var before = Time.GetUtcNow();

        var sweep = graph.GetRequiredService<SweepService>().RunAsync();
        await puller.Started.WaitAsync(TestGuard);
        Assert.False(sweep.IsCompleted);
        puller.Release(rows: 10);
        var summary = await sweep.WaitAsync(TestGuard);

        Assert.Equal(before, Time.GetUtcNow());
        Assert.Equal(1, summary.AlertsOpened);
    }

    private async Task CreateSilentSystemAsync(string id)
    {
        await CreateAsync(new SystemBuilder().WithId(id).RegisteredAt(Time.GetUtcNow())
            .HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30))
            .WithEmail(Party.Customer, $"ml@{id}.example").Build());
        Time.Advance(UntilDown);
    }
}
