using System.Text.Json;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Delivery;

/// <summary>
/// After a delivery run recorded its attempts, turns what it found about a system's contacts (given up on, or reached)
/// into the <c>contact-unreachable</c> alert change, written atomically with its notifications, audit entry and the
/// system row that remembers the unreachable contacts. Concurrent runs meet at the system row's ETag and the store's
/// one-active-alert-per-kind rule; the loser reads again and decides again, so the alert never opens twice.
/// </summary>
public sealed class ContactReachability(ISystemStore systems, UnreachableContactRules rules, TimeProvider timeProvider, ILogger<ContactReachability> logger)
{
    /// <summary>Never throws for storage failures: they are logged and the facts are lost to this alert (the notifications keep their state).</summary>
    public async Task RecordAsync(string systemId, IReadOnlyList<Notification> finished, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finished);
        var facts = finished
            .Where(n => n.State is NotificationState.Delivered or NotificationState.Failed)
            .Select(n => new DeliveryFact(n.Target, n.State == NotificationState.Delivered, IsAboutUnreachableContact(n), n.LastError))
            .ToList();
        if (facts.Count == 0)
        {
            return;
        }

        try
        {
            await ConflictRetry.RunAsync(async () =>
            {
                var current = await systems.GetAsync(systemId, cancellationToken);
                if (current is null)
                {
                    return false;
                }

                var changes = new SystemChangeSet(systemId);
                var active = current.ActiveAlerts.FirstOrDefault(a => a.IsActive && a.Kind == AlertKinds.ContactUnreachable);
                if (!rules.Apply(changes, current.System, active, facts, timeProvider.GetUtcNow()))
                {
                    return false;
                }

                await systems.ApplyAsync(changes, current.System, cancellationToken);
                return true;
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Recording which contacts of {SystemId} can be reached failed", systemId);
        }
    }

    private static bool IsAboutUnreachableContact(Notification notification)
    {
        try
        {
            return NotificationEnvelope.FromJson(notification.Body).Data.Alert?.Kind == AlertKinds.ContactUnreachable;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
