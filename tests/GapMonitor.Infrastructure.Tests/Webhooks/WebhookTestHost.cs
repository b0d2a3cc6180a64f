using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Webhooks;

/// <summary>The webhook sender as the hosts wire it (<see cref="DeliveryServiceCollectionExtensions.AddGapMonitorDelivery"/>).</summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public WebhookTestHost(bool allowPrivateNetworks, TimeProvider? timeProvider = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GapMonitor:Webhooks:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        _services = services.AddGapMonitorDelivery(Path.Combine(Path.GetTempPath(), "gapmonitor-unused-pickup")).BuildServiceProvider();
        Sender = _services.GetServices<INotificationSender>().Single(s => s.Channel == NotificationChannel.Webhook);
    }

    public INotificationSender Sender { get; }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
