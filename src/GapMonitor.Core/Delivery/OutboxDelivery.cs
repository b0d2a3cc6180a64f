using System.Runtime.CompilerServices;
using GapMonitor.Core.Abstractions;
using GapMonitor.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Delivery;

/// <param name="SystemsFailed">Systems whose delivery broke off with an error (logged); their notifications stay due.</param>
public sealed record DeliverySummary(int Delivered, int Retrying, int Failed, int SkippedConcurrent, int SystemsFailed = 0);

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

    /// <summary>How many systems are delivered to at once; one system's notifications go out one at a time, in outbox order.</summary>
    private const int MaxConcurrentSystems = 16;

    public Task<DeliverySummary> DeliverDueAsync(CancellationToken cancellationToken = default) => DeliverDueAsync(null, cancellationToken);

    /// <param name="knownSystems">Systems the caller has just read (the sweep: those it wrote notifications for); others are read here.</param>
    public async Task<DeliverySummary> DeliverDueAsync(IReadOnlyDictionary<string, Systems.MonitoredSystem>? knownSystems, CancellationToken cancellationToken = default)
    {
        var tally = new int[5];
        var now = timeProvider.GetUtcNow();
        await Parallel.ForEachAsync(
            GroupBySystemAsync(outbox.ListDueAsync(now, cancellationToken), cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentSystems, CancellationToken = cancellationToken },
            async (due, ct) =>
            {
                try
                {
                    foreach (var outcome in await DeliverToSystemAsync(due, knownSystems, ct))
                    {
                        Interlocked.Increment(ref tally[(int)outcome]);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref tally[(int)Outcome.SystemFailed]);
                    logger.LogError(ex, "Delivering the notifications of {SystemId} failed; the next run tries again", due[0].SystemId);
                }
            });

        return new DeliverySummary(
            tally[(int)Outcome.Delivered], tally[(int)Outcome.Retrying], tally[(int)Outcome.Failed], tally[(int)Outcome.Skipped], tally[(int)Outcome.SystemFailed]);
    }

    /// <summary>
    /// Leases all of a system's due notifications in one transaction, sends them in order and records the attempts in
    /// one transaction (2 storage requests per system). When another sweep holds any of them, falls back to one lease each.
    /// </summary>
    private async Task<List<Outcome>> DeliverToSystemAsync(
        List<Notification> due,
        IReadOnlyDictionary<string, Systems.MonitoredSystem>? knownSystems,
        CancellationToken cancellationToken)
    {
        var outcomes = new List<Outcome>(due.Count);
        Systems.MonitoredSystem? system = knownSystems?.GetValueOrDefault(due[0].SystemId);
        var systemRead = system is not null;
        async Task<Systems.MonitoredSystem?> SystemAsync()
        {
            if (!systemRead)
            {
                system = (await systems.GetAsync(due[0].SystemId, cancellationToken))?.System;
                systemRead = true;
            }

            return system;
        }

        var leasedAll = await outbox.TryLeaseAllAsync(due, timeProvider.GetUtcNow() + LeaseDuration, cancellationToken);
        if (leasedAll is not null)
        {
            var results = new List<(Notification Updated, NotificationAttempt Attempt)>(leasedAll.Count);
            foreach (var leased in leasedAll)
            {
                results.Add(await SendAsync(leased, await SystemAsync(), cancellationToken));
            }

            await RecordAsync(results, cancellationToken);
            outcomes.AddRange(results.Select(r => ToOutcome(r.Updated.State)));
            return outcomes;
        }

        foreach (var notification in due)
        {
            var leased = await outbox.TryLeaseAsync(notification, timeProvider.GetUtcNow() + LeaseDuration, cancellationToken);
            if (leased is null)
            {
                outcomes.Add(Outcome.Skipped);
                continue;
            }

            var result = await SendAsync(leased, await SystemAsync(), cancellationToken);
            await RecordAsync([result], cancellationToken);
            outcomes.Add(ToOutcome(result.Updated.State));
        }

        return outcomes;
    }

    private static Outcome ToOutcome(NotificationState state) => state switch
    {
        NotificationState.Delivered => Outcome.Delivered,
        NotificationState.Failed => Outcome.Failed,
        _ => Outcome.Retrying,
    };

    private async Task RecordAsync(IReadOnlyList<(Notification Updated, NotificationAttempt Attempt)> results, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.RecordAttemptsAsync(results, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A lease expired and another sweep took the notifications over; it records its own attempts.
            logger.LogWarning("Lease on {Count} notification(s) of {SystemId} was lost before the attempts could be recorded", results.Count, results[0].Updated.SystemId);
        }
    }

    /// <summary>The outbox lists a system's rows together (one partition), so consecutive rows of one system form its batch.</summary>
    private static async IAsyncEnumerable<List<Notification>> GroupBySystemAsync(
        IAsyncEnumerable<Notification> due,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<Notification>();
        await foreach (var notification in due.WithCancellation(cancellationToken))
        {
            if (batch.Count > 0 && batch[0].SystemId != notification.SystemId)
            {
                yield return batch;
                batch = [];
            }

            batch.Add(notification);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Sends one leased notification and decides its next state (delivered, retry later, or given up).</summary>
    private async Task<(Notification Updated, NotificationAttempt Attempt)> SendAsync(Notification notification, Systems.MonitoredSystem? system, CancellationToken cancellationToken)
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
                result = await SendSafelyAsync(sender, new OutboundMessage(notification, NotificationEnvelope.FromJson(notification.Body), secret), cancellationToken);
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

        return (updated, attempt);
    }

    private static async Task<DeliveryResult> SendSafelyAsync(INotificationSender sender, OutboundMessage message, CancellationToken cancellationToken)
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

    private enum Outcome
    {
        Delivered,
        Retrying,
        Failed,
        Skipped,
        SystemFailed,
    }
}
