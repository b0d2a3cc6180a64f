using Azure.Data.Tables;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Infrastructure.Tests.Sweeping;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Delivery;

/// <summary>A stored notification whose body cannot be read fails on its own; the others of its system still go out.</summary>
[Collection(AzuriteCollection.Name)]
public class UnreadableNotificationTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task DeliverDueAsync_WhenOneBodyIsNotJson_FailsThatNotificationOnlyAndDeliversTheRest()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, email);
        await CreateAsync(new SystemBuilder().WithId("garbled").RegisteredAt(Time.GetUtcNow())
            .HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30))
            .WithEmail(Party.Customer, "a@acme.example").WithEmail(Party.Customer, "b@acme.example").WithEmail(Party.Customer, "c@acme.example").Build());
        Time.Advance(TimeSpan.FromHours(2));
        await graph.GetRequiredService<Core.Sweeping.SystemEvaluation>().EvaluateAsync((await Systems.GetAsync("garbled"))!);
        var garbled = (await RowsAsync("garbled", "notification-"))[1];
        await Tables.Systems.UpdateEntityAsync(new TableEntity(garbled.PartitionKey, garbled.RowKey) { ["Body"] = "{\"type\": \"alert.opened\", " }, garbled.ETag);

        var summary = await graph.GetRequiredService<OutboxDelivery>().DeliverDueAsync();

        Assert.Equal(new DeliverySummary(2, 0, 1, 0), summary);
        Assert.Equal(2, email.SentIds.Count);
        var row = Assert.Single(await RowsAsync("garbled", "notification-"), r => r.RowKey == garbled.RowKey);
        Assert.Equal((nameof(NotificationState.Failed), 1), (row.GetString("State"), row.GetInt32("Attempts")));
        Assert.Contains("cannot be read", row.GetString("LastError"), StringComparison.Ordinal);
        Assert.Equal(3, (await RowsAsync("garbled", "attempt-")).Count);
    }
}
