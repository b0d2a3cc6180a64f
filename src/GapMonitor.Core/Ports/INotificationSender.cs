using GapMonitor.Core.Notifications;
namespace GapMonitor.Core.Ports;

/// <summary>Delivers one notification over one channel. Never throws for delivery failures; it reports them.</summary>
public interface INotificationSender
{
    NotificationChannel Channel { get; }

    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
