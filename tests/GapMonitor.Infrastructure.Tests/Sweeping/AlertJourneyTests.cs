using GapMonitor.Core.Alerts;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>The user journey on real storage: silent → opened → escalated → acknowledged → fresh heartbeat → resolved.</summary>
[Collection(AzuriteCollection.Name)]
public class AlertJourneyTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task RunAsync_WhenSilentThenEscalatedThenAcknowledgedThenHeartbeat_TellsTheRightPeopleOnceEach()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, email);
        var sweep = graph.GetRequiredService<SweepService>();
        var system = await CreateAsync(new SystemBuilder().WithId("journey").RegisteredAt(Time.GetUtcNow())
            .WithEmail(Party.Customer, "ml@acme.example").WithEmail(Party.Vendor, "ops@modelworks.example").Build());

        Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, (await sweep.RunAsync()).AlertsOpened);
        var alertId = Assert.Single((await Systems.GetAsync("journey"))!.ActiveAlerts).Id;
        Time.Advance(system.AcknowledgeWithin);
        Assert.Equal(1, (await sweep.RunAsync()).AlertsEscalated);
        Time.Advance(TimeSpan.FromMinutes(1)); // audit entries at the same instant have no defined order
        var acknowledged = await graph.GetRequiredService<AlertAcknowledgement>()
            .AcknowledgeAsync(new Principal(Role.Customer, "0123456789abcdef", Customer: "acme"), alertId, null, "restarting the job");
        Time.Advance(TimeSpan.FromMinutes(30));
        await graph.GetRequiredService<SignalIngestion>().RecordHeartbeatAsync((await Systems.GetAsync("journey"))!.System, HeartbeatStatus.Ok, at: null, message: null);
        await sweep.RunAsync();

        Assert.Equal(AcknowledgeOutcome.Acknowledged, acknowledged);
        var history = await new TableAlertStore(Tables).GetAsync(alertId);
        Assert.Equal(AlertState.Resolved, history!.Alert.State);
        Assert.Equal("customer:acme", history.Alert.AcknowledgedBy);
        Assert.Equal(
            [
                (NotificationTypes.Acknowledged, "ml@acme.example"),
                (NotificationTypes.Acknowledged, "ops@modelworks.example"),
                (NotificationTypes.Escalated, "ops@modelworks.example"),
                (NotificationTypes.Opened, "ml@acme.example"),
                (NotificationTypes.Resolved, "ml@acme.example"),
                (NotificationTypes.Resolved, "ops@modelworks.example"),
            ],
            history.Notifications.Select(n => (n.Type, n.Target)).Order());
        Assert.All(history.Notifications, n => Assert.Equal(NotificationState.Delivered, n.State));
        Assert.Equal(history.Notifications.Select(n => n.Id).Order(StringComparer.Ordinal), email.SentIds.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["alert.opened", "alert.escalated", "alert.acknowledged", "alert.resolved"],
            (await Systems.GetAuditAsync("journey", 10)).Where(a => a.AlertId == alertId).Select(a => a.Action).Reverse());
    }
}
