using GapMonitor.Core.Abstractions;
using GapMonitor.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Delivery;

public sealed record DeliverySummary(int Delivered, int Retrying, int Failed, int SkippedConcurrent);

/// <summary>
/// Drains the outbox: lease → send → record. At least once: a crash after sending and before recording
/// leaves the lease to expire and the notification is sent again with the same id (receivers de-duplicate on it).
/// </summary>
public sealed class OutboxDelivery(
    IOutbox outbox,
    ISystemStore systems,
    IEnumerable<INotificationSender> senders,
    RetrySchedule retrySchedule,
    TimeProvider timeProvider,
    ILogger<OutboxDelivery> logger)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);
    private readonly Dictionary<NotificationChannel, INotificationSender> _senders = senders.ToDictionary(s => s.Channel);

    public async Task<DeliverySummary> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        int delivered = 0, retrying = 0, failed = 0, skipped = 0;
        var secrets = new Dictionary<string, Systems.MonitoredSystem?>(StringComparer.Ordinal);
        var now = timeProvider.GetUtcNow();
        await foreach (var due in outbox.ListDueAsync(now, cancellationToken))
        {
            var leased = await outbox.TryLeaseAsync(due, timeProvider.GetUtcNow() + LeaseDuration, cancellationToken);
            if (leased is null)
            {
                skipped++;
                continue;
            }

            if (!secrets.TryGetValue(leased.SystemId, out var system))
            {
                system = (await systems.GetAsync(leased.SystemId, cancellationToken))?.System;
                secrets[leased.SystemId] = system;
            }

            var outcome = await DeliverOneAsync(leased, system, cancellationToken);
            switch (outcome)
            {
                case NotificationState.Delivered: delivered++; break;
                case NotificationState.Failed: failed++; break;
                default: retrying++; break;
            }
        }

        return new DeliverySummary(delivered, retrying, failed, skipped);
    }

    private async Task<NotificationState> DeliverOneAsync(Notification notification, Systems.MonitoredSystem? system, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        DeliveryResult result;
        if (!_senders.TryGetValue(notification.Channel, out var sender))
        {
            result = DeliveryResult.Failure($"No sender for channel {notification.Channel}.", permanent: true);
        }
        else
        {
            var secret = notification.Channel == NotificationChannel.Webhook
                ? system?.Contacts.FirstOrDefault(c => c.Webhook?.Url.AbsoluteUri == notification.Target)?.Webhook?.Secret
                : null;
            if (notification.Channel == NotificationChannel.Webhook && secret is null)
            {
                result = DeliveryResult.Failure("The webhook contact no longer exists on the system.", permanent: true);
            }
            else
            {
                result = await SendAsync(sender, new OutboundMessage(notification, NotificationEnvelope.FromJson(notification.Body), secret), cancellationToken);
            }
        }

        var now = timeProvider.GetUtcNow();
        var attemptNumber = notification.Attempts + 1;
        var attempt = new NotificationAttempt(notification.Id, attemptNumber, now, result.Succeeded, result.Error, timeProvider.GetElapsedTime(started));
        Notification updated;
        if (result.Succeeded)
        {
            updated = notification with { State = NotificationState.Delivered, Attempts = attemptNumber, DeliveredAt = now, LeasedUntil = null, LastError = null };
            logger.LogInformation("Delivered {NotificationId} ({Type}) by {Channel} after {Attempts} attempt(s)", notification.Id, notification.Type, notification.Channel, attemptNumber);
        }
        else
        {
            var next = now + retrySchedule.DelayAfter(attemptNumber, result.RetryAfter);
            var giveUp = result.Permanent || retrySchedule.ShouldGiveUp(notification.CreatedAt, next);
            updated = notification with
            {
                State = giveUp ? NotificationState.Failed : NotificationState.Pending,
                Attempts = attemptNumber,
                NextAttemptAt = next,
                LeasedUntil = null,
                LastError = result.Error,
            };
            logger.LogWarning("Delivery of {NotificationId} by {Channel} failed (attempt {Attempt}): {Error}; {Outcome}", notification.Id, notification.Channel, attemptNumber, result.Error, giveUp ? "giving up" : $"next attempt at {next:O}");
        }

        try
        {
            await outbox.RecordAttemptAsync(updated, attempt, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The lease expired and another sweep took the notification over; it records its own attempt.
            logger.LogWarning("Lease on {NotificationId} was lost before the attempt could be recorded", notification.Id);
        }

        return updated.State;
    }

    private async Task<DeliveryResult> SendAsync(INotificationSender sender, OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failure($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
