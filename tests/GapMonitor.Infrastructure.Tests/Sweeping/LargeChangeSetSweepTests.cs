using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>A decision too large for one storage transaction is written in parts, and every notification goes out once.</summary>
[Collection(AzuriteCollection.Name)]
public class LargeChangeSetSweepTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly string[] Kinds = [AlertKinds.MonitoringSilent, AlertKinds.DriftDetected, AlertKinds.TelemetryStale];

    [Fact]
    public async Task RunAsync_WhenRetiringASystemResolvesThreeAlertsForTwentyContactsAtOnce_WritesAndDeliversEveryNotification()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        var webhook = new RecordingSender(NotificationChannel.Webhook);
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, email, webhook);
        var builder = new SystemBuilder().WithId("crowded").RegisteredAt(Time.GetUtcNow()).HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30))
            .WithHeartbeatEvery(TimeSpan.FromDays(30), TimeSpan.FromDays(1));
        for (var i = 0; i < 20; i++)
        {
            builder.WithContact(new Contact(Party.Customer, $"person{i}@acme.example",
                new WebhookEndpoint(new Uri($"https://hooks.acme.example/gm/{i}"), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")));
        }

        var system = await CreateAsync(builder.Build());
        foreach (var kind in Kinds)
        {
            await OpenAsync(system, kind);
        }

        var openings = (await RowsAsync("crowded", "notification-")).Count;
        var current = (await Systems.GetAsync("crowded"))!.System;
        await Systems.UpdateAsync(current with { RetiredAt = Time.GetUtcNow() }, Audit("crowded", "system.retired"));

        var summary = await graph.GetRequiredService<SweepService>().RunAsync();

        Assert.Equal((3, 0), (summary.AlertsResolved, summary.SystemsFailed));
        Assert.Empty((await Systems.GetAsync("crowded"))!.ActiveAlerts);
        var resolutions = (await RowsAsync("crowded", "notification-")).Where(n => n.GetString("Type") == NotificationTypes.Resolved).ToList();
        Assert.Equal(3 * 40, resolutions.Count);
        Assert.Equal(openings + resolutions.Count, email.SentIds.Count + webhook.SentIds.Count);
        Assert.Equal(resolutions.Count, summary.NotificationsDelivered - openings);
        Assert.Equal(3, (await Systems.GetAuditAsync("crowded", 100)).Count(a => a.Action == "alert.resolved"));
    }
}
