using System.Collections.Concurrent;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>An in-process channel that records every notification id it is asked to send and answers as told.</summary>
internal sealed class RecordingSender(NotificationChannel channel, Func<OutboundMessage, DeliveryResult>? answer = null) : INotificationSender
{
    private readonly ConcurrentQueue<OutboundMessage> _sent = new();

    public NotificationChannel Channel => channel;

    public IReadOnlyList<OutboundMessage> Sent => [.. _sent];

    public IReadOnlyList<string> SentIds => [.. _sent.Select(m => m.Notification.Id)];

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        _sent.Enqueue(message);
        await Task.Yield();
        return answer?.Invoke(message) ?? DeliveryResult.Success;
    }
}
