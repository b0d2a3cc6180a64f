using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Delivery;

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
    ILogger<OutboxDelivery> logger,
    IHistoryArchive? archive = null,
    ContactReachability? reachability = null,
    ActionLinks.ActionLinkIssuer? actionLinks = null,
    Observability.GapMonitorMetrics? metrics = null)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    /// <summary>The longest one send may take (senders time out sooner: webhooks 10 s, SMTP 30 s); then it counts as failed.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(45);

    /// <summary>Time left on a lease after a send for recording its attempt.</summary>
    private static readonly TimeSpan RecordMargin = TimeSpan.FromSeconds(15);

    private readonly Dictionary<NotificationChannel, INotificationSender> _senders = senders.ToDictionary(s => s.Channel);

    /// <summary>How many systems are delivered to at once; one system's notifications go out one at a time, in outbox order.</summary>
    private const int MaxConcurrentSystems = 16;

    public Task<DeliverySummary> DeliverDueAsync(CancellationToken cancellationToken = default) => DeliverDueAsync(null, cancellationToken);

    /// <param name="knownSystems">Systems the caller has just read (the sweep: those it wrote notifications for); others are read here.</param>
    public Task<DeliverySummary> DeliverDueAsync(IReadOnlyDictionary<string, Systems.MonitoredSystem>? knownSystems, CancellationToken cancellationToken = default) =>
        DeliverDueAsync(knownSystems, Sweeping.Shards.SweepShard.All, cancellationToken);

    /// <param name="knownSystems">Systems the caller has just read (the sweep: those it wrote notifications for); others are read here.</param>
    /// <param name="shard">Whose notifications: a queued sweep delivers those of its own shard's systems.</param>
    public async Task<DeliverySummary> DeliverDueAsync(
        IReadOnlyDictionary<string, Systems.MonitoredSystem>? knownSystems, Sweeping.Shards.SweepShard shard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var tally = new int[5];
        var now = timeProvider.GetUtcNow();
        var due = shard.IsAll ? outbox.ListDueAsync(now, cancellationToken) : outbox.ListDueAsync(now, shard, cancellationToken);
        await Parallel.ForEachAsync(
            GroupBySystemAsync(due, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentSystems, CancellationToken = cancellationToken },
            async (due, ct) =>
            {
                try
                {
                    var outcomes = await DeliverToSystemAsync(due, knownSystems, ct);
                    foreach (var outcome in outcomes)
                    {
                        Interlocked.Increment(ref tally[(int)outcome]);
                    }

                    if (outcomes.Any(o => o is Outcome.Delivered or Outcome.Failed))
                    {
                        await MoveHistorySafelyAsync(due[0].SystemId, ct);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref tally[(int)Outcome.SystemFailed]);
                    logger.LogError(ex, "Delivering the notifications of {SystemId} failed; the next run tries again", due[0].SystemId);
                }
            });

        metrics?.NotificationsDelivered(tally[(int)Outcome.Delivered]);
        metrics?.NotificationsFailed(tally[(int)Outcome.Retrying]);
        metrics?.NotificationsGivenUp(tally[(int)Outcome.Failed]);
        return new DeliverySummary(
            tally[(int)Outcome.Delivered], tally[(int)Outcome.Retrying], tally[(int)Outcome.Failed], tally[(int)Outcome.Skipped], tally[(int)Outcome.SystemFailed]);
    }

    /// <summary>
    /// Leases all of a system's due notifications in one transaction, sends them in order and records the attempts in
    /// one transaction (2 storage requests per system). A lease is never relied on past its end: before each send that
    /// could outlast it, what was sent so far is recorded and the lease on the rest renewed. When another run holds any
    /// of them, falls back to one lease each.
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

        var leaseUntil = timeProvider.GetUtcNow() + LeaseDuration;
        var leased = await outbox.TryLeaseAllAsync(due, leaseUntil, cancellationToken);
        if (leased is not null)
        {
            var sent = new List<(Notification Updated, NotificationAttempt Attempt)>(leased.Count);
            for (var i = 0; i < leased.Count; i++)
            {
                if (!LeaseOutlastsASend(leaseUntil))
                {
                    await RecordAsync(sent, outcomes, leaseUntil, cancellationToken);
                    sent.Clear();
                    leaseUntil = timeProvider.GetUtcNow() + LeaseDuration;
                    var renewed = await outbox.TryLeaseAllAsync([.. leased.Skip(i)], leaseUntil, cancellationToken);
                    if (renewed is null)
                    {
                        logger.LogWarning("Could not renew the lease on {Count} notification(s) of {SystemId}; they are left to the next run", leased.Count - i, due[0].SystemId);
                        outcomes.AddRange(Enumerable.Repeat(Outcome.Skipped, leased.Count - i));
                        return outcomes;
                    }

                    leased = [.. leased.Take(i), .. renewed];
                }

                sent.Add(await SendAsync(leased[i], await SystemAsync(), cancellationToken));
            }

            await RecordAsync(sent, outcomes, leaseUntil, cancellationToken);
            return outcomes;
        }

        foreach (var notification in due)
        {
            // A fresh lease per notification always outlasts one send (LeaseDuration > SendTimeout + RecordMargin).
            var oneLeasedUntil = timeProvider.GetUtcNow() + LeaseDuration;
            var one = await outbox.TryLeaseAsync(notification, oneLeasedUntil, cancellationToken);
            if (one is null)
            {
                outcomes.Add(Outcome.Skipped);
                continue;
            }

            await RecordAsync([await SendAsync(one, await SystemAsync(), cancellationToken)], outcomes, oneLeasedUntil, cancellationToken);
        }

        return outcomes;
    }

    /// <summary>Finished notifications are history: out of the live rows the next scans read. A failure is left to the next run.</summary>
    private async Task MoveHistorySafelyAsync(string systemId, CancellationToken cancellationToken)
    {
        if (archive is null)
        {
            return;
        }

        try
        {
            await archive.MoveHistoryAsync([systemId], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Moving the history of {SystemId} out of the live rows failed; the next run or the daily housekeeping moves it", systemId);
        }
    }

    /// <summary>Whether a send started now ends, and its attempt is recorded, before <paramref name="leaseUntil"/>.</summary>
    private bool LeaseOutlastsASend(DateTimeOffset leaseUntil) => leaseUntil - timeProvider.GetUtcNow() >= SendTimeout + RecordMargin;

    private static Outcome ToOutcome(NotificationState state) => state switch
    {
        NotificationState.Delivered => Outcome.Delivered,
        NotificationState.Failed => Outcome.Failed,
        _ => Outcome.Retrying,
    };

    /// <summary>
    /// Records attempts whose sends already happened. A storage failure here would get those notifications sent again
    /// when the lease runs out, so the write is tried again (each try with the storage client's own backoff) while the
    /// lease still holds; only then is the failure left to at-least-once delivery.
    /// </summary>
    private async Task RecordAsync(
        IReadOnlyList<(Notification Updated, NotificationAttempt Attempt)> results,
        List<Outcome> outcomes,
        DateTimeOffset leaseUntil,
        CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return;
        }

        outcomes.AddRange(results.Select(r => ToOutcome(r.Updated.State)));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await outbox.RecordAttemptsAsync(results, cancellationToken);
                if (reachability is not null)
                {
                    await reachability.RecordAsync(results[0].Updated.SystemId, [.. results.Select(r => r.Updated)], cancellationToken);
                }

                return;
            }
            catch (ConcurrencyConflictException)
            {
                // A lease expired and another run took the notifications over (it records its own attempts), or an
                // earlier try of this write went through and only its answer was lost.
                logger.LogWarning("Lease on {Count} notification(s) of {SystemId} was lost before the attempts could be recorded", results.Count, results[0].Updated.SystemId);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < MaxRecordTries && timeProvider.GetUtcNow() < leaseUntil - RecordRetryMargin)
            {
                logger.LogWarning(ex, "Recording {Count} sent notification(s) of {SystemId} failed (try {Attempt}); trying again while the lease holds", results.Count, results[0].Updated.SystemId, attempt);
            }
        }
    }

    /// <summary>Tries of one attempt record; each already retries inside the storage client.</summary>
    private const int MaxRecordTries = 6;

    private static readonly TimeSpan RecordRetryMargin = TimeSpan.FromSeconds(5);

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
            else if (TryReadEnvelope(notification, out var envelope, out var error))
            {
                var message = new OutboundMessage(notification, envelope, secret);
                result = await SendSafelyAsync(sender, actionLinks?.Attach(message) ?? message, cancellationToken);
            }
            else
            {
                result = DeliveryResult.Failure(error, permanent: true);
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

    private static bool TryReadEnvelope(Notification notification, [NotNullWhen(true)] out NotificationEnvelope? envelope, [NotNullWhen(false)] out string? error)
    {
        try
        {
            envelope = NotificationEnvelope.FromJson(notification.Body);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            envelope = null;
            error = $"The stored notification body cannot be read: {ex.Message}";
            return false;
        }
    }

    /// <summary>A send that has not finished within <see cref="SendTimeout"/> is cancelled and counts as failed.</summary>
    private async Task<DeliveryResult> SendSafelyAsync(INotificationSender sender, OutboundMessage message, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(SendTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await sender.SendAsync(message, linked.Token).WaitAsync(SendTimeout, timeProvider, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (timeout.IsCancellationRequested || ex is TimeoutException))
        {
            return DeliveryResult.Failure($"The send did not finish within {SendTimeout.TotalSeconds:0} s.");
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
