using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;

namespace GapMonitor.Infrastructure.Email;

/// <summary>Email when neither an SMTP host nor a pickup directory is set: every attempt fails for retry, nothing is dropped silently.</summary>
public sealed class UnconfiguredEmailSender(EmailDeliverySetup setup) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        Task.FromResult(DeliveryResult.Failure(setup.Problem ?? "Email delivery is not configured."));
}
