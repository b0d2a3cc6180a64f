using GapMonitor.Core.Delivery;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Infrastructure.Tests.Sweeping;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Delivery;

/// <summary>A send that never finishes is cut off well within its lease, recorded as failed and retried later.</summary>
[Collection(AzuriteCollection.Name)]
public class HangingSenderTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly TimeSpan TestGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DeliverDueAsync_WhenTheSenderNeverAnswers_GivesUpOnThatSendWithinTheLeaseAndRecordsARetry()
    {
        var sender = new HangingSender();
        await using var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, sender);
        await CreateAsync(new SystemBuilder().WithId("hang").RegisteredAt(Time.GetUtcNow())
            .HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30)).WithEmail(Party.Customer, "ml@acme.example").Build());
        Time.Advance(TimeSpan.FromHours(2));
        await graph.GetRequiredService<Core.Sweeping.SystemEvaluation>().EvaluateAsync((await Systems.GetAsync("hang"))!);

        var delivery = graph.GetRequiredService<OutboxDelivery>().DeliverDueAsync();
        await sender.Called.WaitAsync(TestGuard);
        Time.Advance(TimeSpan.FromMinutes(1));
        var summary = await delivery.WaitAsync(TestGuard);

        Assert.Equal(new DeliverySummary(0, 1, 0, 0), summary);
        var row = Assert.Single(await RowsAsync("hang", "notification-"));
        Assert.Equal((nameof(NotificationState.Pending), 1), (row.GetString("State"), row.GetInt32("Attempts")));
        Assert.Contains("did not finish", row.GetString("LastError"), StringComparison.Ordinal);
        Assert.Single(await RowsAsync("hang", "attempt-"));
    }

    /// <summary>An email channel whose server accepts the connection and then never answers.</summary>
    private sealed class HangingSender : INotificationSender
    {
        private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public NotificationChannel Channel => NotificationChannel.Email;

        public Task Called => _called.Task;

        public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            _called.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return DeliveryResult.Success;
        }
    }
}
