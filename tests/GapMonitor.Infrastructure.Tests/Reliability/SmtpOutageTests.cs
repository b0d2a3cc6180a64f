using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Infrastructure.Tests.Reliability;

/// <summary>The SMTP relay is down when an alert opens and comes back later.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SmtpOutageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Sweep_WhenSmtpServerIsDownThenBack_DeliversTheEmailExactlyOnceAfterItIsBack()
    {
        var time = new FakeTimeProvider(SystemBuilder.Epoch);
        var port = FreeTcpPort.Next();
        await using var scenario = await OneSystemScenario.StartAsync(azurite, time, new Contact(Party.Customer, "mlops@acme.example", null), smtpPort: port);

        var down = await scenario.SweepAsync();
        time.Advance(TimeSpan.FromSeconds(31));
        var stillDown = await scenario.SweepAsync();
        await using var server = await TestSmtpServer.StartAsync(port: port);
        time.Advance(TimeSpan.FromMinutes(2));
        var back = await scenario.SweepAsync();
        time.Advance(TimeSpan.FromHours(1));
        await scenario.SweepAsync();

        Assert.Equal((0, 1), (down.NotificationsDelivered, down.NotificationsRetrying));
        Assert.Equal((0, 1), (stillDown.NotificationsDelivered, stillDown.NotificationsRetrying));
        Assert.Equal(1, back.NotificationsDelivered);
        var history = await scenario.AlertAsync();
        var notification = Assert.Single(history.Notifications);
        Assert.Equal((NotificationState.Delivered, 3), (notification.State, notification.Attempts));
        Assert.All(history.Attempts.Take(2), a => Assert.Contains($"127.0.0.1:{port}", a.Error, StringComparison.Ordinal));
        var message = Assert.Single(server.Messages);
        Assert.Equal($"{notification.Id}@gapmonitor", message.MessageId);
    }
}
