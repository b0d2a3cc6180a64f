using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Signals;

/// <summary>
/// Heartbeats and deployment events: appended to the history, folded into the system's latest signals, and the
/// system re-evaluated in the same write — so a fresh heartbeat resolves a silent alert at once.
/// </summary>
public sealed class SignalIngestion(ISignalHistory history, SystemSignals signals, TimeProvider timeProvider)
{
    public Task RecordHeartbeatAsync(MonitoredSystem system, HeartbeatStatus status, DateTimeOffset? at, string? message, CancellationToken cancellationToken = default) =>
        RecordHeartbeatAsync(system, null, status, at, message, cancellationToken);

    /// <summary>Records a heartbeat on a system the caller has just read (with its alerts), saving a read.</summary>
    public Task RecordHeartbeatAsync(SystemWithAlerts current, HeartbeatStatus status, DateTimeOffset? at, string? message, CancellationToken cancellationToken = default) =>
        RecordHeartbeatAsync(current?.System ?? throw new ArgumentNullException(nameof(current)), current, status, at, message, cancellationToken);

    public Task RecordDeploymentAsync(MonitoredSystem system, string modelVersion, DateTimeOffset? at, string? environment, string? by, CancellationToken cancellationToken = default) =>
        RecordDeploymentAsync(system, null, modelVersion, at, environment, by, cancellationToken);

    /// <summary>Records a deployment on a system the caller has just read (with its alerts), saving a read.</summary>
    public Task RecordDeploymentAsync(SystemWithAlerts current, string modelVersion, DateTimeOffset? at, string? environment, string? by, CancellationToken cancellationToken = default) =>
        RecordDeploymentAsync(current?.System ?? throw new ArgumentNullException(nameof(current)), current, modelVersion, at, environment, by, cancellationToken);

    private async Task RecordHeartbeatAsync(MonitoredSystem system, SystemWithAlerts? known, HeartbeatStatus status, DateTimeOffset? at, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        var receivedAt = timeProvider.GetUtcNow();
        var heartbeat = new Heartbeat(system.Id, status, at ?? receivedAt, receivedAt, message);
        await history.AppendAsync(heartbeat, cancellationToken);
        await signals.UpdateAsync(system.Id, s => Fold(s, heartbeat), cancellationToken, known);
    }

    private async Task RecordDeploymentAsync(MonitoredSystem system, SystemWithAlerts? known, string modelVersion, DateTimeOffset? at, string? environment, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        var receivedAt = timeProvider.GetUtcNow();
        var deployment = new DeploymentEvent(system.Id, modelVersion, at ?? receivedAt, receivedAt, environment, by);
        await history.AppendAsync(deployment, cancellationToken);
        await signals.UpdateAsync(
            system.Id,
            s => s.Signals.LastDeploymentAt is { } last && last > deployment.At
                ? s
                : s with { Signals = s.Signals with { LastDeploymentAt = deployment.At, LastDeployedModelVersion = modelVersion } },
            cancellationToken,
            known);
    }

    /// <summary>Only a newer heartbeat changes the latest state; a late-arriving old one stays in the history only.</summary>
    private static MonitoredSystem Fold(MonitoredSystem system, Heartbeat heartbeat)
    {
        var signals = system.Signals;
        if (signals.LastHeartbeatAt is { } last && last >= heartbeat.At)
        {
            return system;
        }

        return system with
        {
            Signals = signals with
            {
                LastHeartbeatAt = heartbeat.At,
                LastHeartbeatStatus = heartbeat.Status,
                LastHeartbeatMessage = heartbeat.Message,
                LastOkHeartbeatAt = heartbeat.Status == HeartbeatStatus.Ok ? heartbeat.At : signals.LastOkHeartbeatAt,
            },
        };
    }

}
