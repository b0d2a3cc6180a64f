using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>One system's failure is logged and counted; every other system is still evaluated and delivered to.</summary>
[Collection(AzuriteCollection.Name)]
public class SweepIsolationTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);
    private static readonly string[] SystemIds = ["iso-a", "iso-b", "iso-c"];

    [Fact]
    public async Task RunAsync_WhenWritingOneSystemsChangeFails_EvaluatesAndDeliversTheOthersAndCountsOneFailure()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services =>
            services.AddSingleton<ISystemStore>(new FailingApplySystemStore(new TableSystemStore(Tables), "iso-b")), email);
        await CreateSilentSystemsAsync();

        var summary = await graph.GetRequiredService<SweepService>().RunAsync();

        Assert.Equal((3, 2, 1), (summary.SystemsEvaluated, summary.AlertsOpened, summary.SystemsFailed));
        Assert.Equal(2, summary.NotificationsDelivered);
        Assert.Equal(["iso-a", "iso-c"], await SystemsWithAnOpenAlertAsync());
    }

    [Fact]
    public async Task RunAsync_WhenDeliveringToOneSystemFails_DeliversToTheOthersAndCountsOneFailure()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services =>
            services.AddSingleton<IOutbox>(new FailingLeaseOutbox(new TableOutbox(Tables), "iso-b")), email);
        await CreateSilentSystemsAsync();

        var summary = await graph.GetRequiredService<SweepService>().RunAsync();

        Assert.Equal((3, 3, 1), (summary.SystemsEvaluated, summary.AlertsOpened, summary.SystemsFailed));
        Assert.Equal(2, summary.NotificationsDelivered);
        Assert.Equal(2, email.SentIds.Count);
        Assert.Equal(1, await graph.GetRequiredService<IOutbox>().CountPendingAsync());
    }

    [Fact]
    public async Task RunAsync_WhenAPullerFails_StillEvaluatesEverySystemAndCountsTheFailure()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services =>
            services.AddSingleton<ITelemetryPuller, ThrowingPuller>(), email);
        await CreateSilentSystemsAsync();

        var summary = await graph.GetRequiredService<SweepService>().RunAsync();

        Assert.Equal((3, 3, 1), (summary.SystemsEvaluated, summary.AlertsOpened, summary.SystemsFailed));
        Assert.Equal(SystemIds, await SystemsWithAnOpenAlertAsync());
    }

    private async Task CreateSilentSystemsAsync()
    {
        foreach (var id in SystemIds)
        {
            await CreateAsync(new SystemBuilder().WithId(id).RegisteredAt(Time.GetUtcNow())
                .HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30))
                .WithEmail(Party.Customer, $"ml@{id}.example").Build());
        }

        Time.Advance(UntilDown);
    }

    private async Task<List<string>> SystemsWithAnOpenAlertAsync()
    {
        var alerts = await QueryAlertsAsync(new AlertQuery(State: AlertState.Open));
        return [.. alerts.Select(a => a.SystemId).Order(StringComparer.Ordinal)];
    }
}
