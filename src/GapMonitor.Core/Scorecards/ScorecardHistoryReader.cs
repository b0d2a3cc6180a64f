using GapMonitor.Core.Alerts;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Scorecards;

/// <summary>
/// Reads a system's history of a period, bounded: the alerts opened in the period, the newest monitoring alert of each
/// kind opened before it (alerts of one kind never overlap, so no older one can reach into the period), the period's
/// drift windows page by page, the deployment events, and the notifications of the period. Each read stops at its cap,
/// and the measures say when one did.
/// </summary>
public sealed class ScorecardHistoryReader(IAlertStore alerts, IDriftWindowStore windows, ISignalHistory signals, IDeliveryLog deliveries)
{
    public const int AlertCap = 2000;
    public const int WindowCap = 10_000;
    public const int DeploymentCap = 1000;
    public const int DeliveryCap = 5000;
    private const int PageSize = 500;

    /// <summary>Notifications newer than the period skipped before the read gives up: this many times the cap.</summary>
    private const int SkipFactor = 10;

    private static readonly string[] MonitoringKinds = [AlertKinds.MonitoringSilent, AlertKinds.MonitoringFailing];

    /// <summary>Whether drift windows are expected of the system: telemetry configured, a reference uploaded or telemetry received.</summary>
    public static bool HasTelemetry(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.Telemetry is not null || system.Signals.ReferenceVersion is not null || system.Signals.LastTelemetryAt is not null;
    }

    public async Task<ScorecardHistory> ReadAsync(SystemWithAlerts found, ScorecardPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(period);
        var system = found.System;
        var opened = new List<Alert>();
        if (period.End > period.From)
        {
            await foreach (var alert in alerts.QueryAsync(new AlertQuery(SystemId: system.Id, OpenedFrom: period.From, OpenedBefore: period.End, Max: AlertCap + 1), cancellationToken))
            {
                opened.Add(alert);
            }
        }

        var alertsCapped = opened.Count > AlertCap;
        if (alertsCapped)
        {
            opened = [.. opened.OrderBy(a => a.OpenedAt).Take(AlertCap)];
        }

        var monitoring = new Dictionary<string, Alert>(StringComparer.Ordinal);
        foreach (var alert in opened.Concat(found.ActiveAlerts).Where(a => MonitoringKinds.Contains(a.Kind)))
        {
            monitoring[alert.Id] = alert;
        }

        foreach (var kind in MonitoringKinds)
        {
            var before = await alerts.ListPageAsync(new AlertQuery(SystemId: system.Id, Kind: kind, OpenedBefore: period.From), PageRequest.First(1), cancellationToken);
            foreach (var alert in before.Items)
            {
                monitoring.TryAdd(alert.Id, alert);
            }
        }

        var tally = HasTelemetry(system) ? await ReadWindowsAsync(system, period, cancellationToken) : null;
        var deployments = await signals.RecentDeploymentsAsync(system.Id, DeploymentCap + 1, cancellationToken);
        var (notifications, deliveriesCapped) = await ReadDeliveriesAsync(system, period, cancellationToken);
        return new ScorecardHistory(
            opened,
            alertsCapped,
            [.. monitoring.Values],
            tally,
            [.. deployments.Where(d => d.At < period.End).Take(DeploymentCap)],
            deployments.Count > DeploymentCap,
            notifications,
            deliveriesCapped);
    }

    private async Task<WindowTally> ReadWindowsAsync(MonitoredSystem system, ScorecardPeriod period, CancellationToken cancellationToken)
    {
        var tally = new WindowTally();
        if (!period.IsObserved)
        {
            return tally;
        }

        string? continuation = null;
        do
        {
            var page = await windows.ListPageAsync(system.Id, period.ObservedStart, period.ObservedEnd, new PageRequest(PageSize, continuation), cancellationToken);
            foreach (var window in page.Items.Where(w => w.WindowStart >= period.ObservedStart && w.WindowEnd <= period.ObservedEnd))
            {
                if (tally.Read >= WindowCap)
                {
                    tally.Capped = true;
                    return tally;
                }

                tally.Add(window);
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        if (system.Signals is { LastSeenModelVersion: { } seen, LastTelemetryAt: { } at } && at >= period.ObservedStart && at < period.ObservedEnd)
        {
            tally.See(seen, period.ObservedEnd);
        }

        return tally;
    }

    private async Task<(IReadOnlyList<Notification> Items, bool Capped)> ReadDeliveriesAsync(MonitoredSystem system, ScorecardPeriod period, CancellationToken cancellationToken)
    {
        var found = new List<Notification>();
        var notBefore = ScorecardPeriod.Max(system.RegisteredAt, period.From);
        string? continuation = null;
        var read = 0;
        var skipped = 0;
        do
        {
            var page = await deliveries.ListNewestFirstAsync(system.Id, notBefore, new PageRequest(PageSize, continuation), cancellationToken);
            foreach (var notification in page.Items)
            {
                if (notification.CreatedAt < period.From)
                {
                    return (found, false);
                }

                if (notification.CreatedAt >= period.End)
                {
                    // Newer than the period: skipped without counting toward the cap, up to a bound of their own.
                    if (++skipped > DeliveryCap * SkipFactor)
                    {
                        return (found, true);
                    }

                    continue;
                }

                if (++read > DeliveryCap)
                {
                    return (found, true);
                }

                found.Add(notification);
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        return (found, false);
    }
}
