using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Ports;

/// <summary>Append-only history of received signals (the rules read the latest state from the system itself).</summary>
public interface ISignalHistory
{
    Task AppendAsync(Heartbeat heartbeat, CancellationToken cancellationToken = default);

    Task AppendAsync(DeploymentEvent deployment, CancellationToken cancellationToken = default);

    /// <summary>Idempotent per batch: the same batch id and index write the same row again.</summary>
    Task AppendAsync(IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MetricPoint>> RecentMetricsAsync(string systemId, string? name, int max, CancellationToken cancellationToken = default);

    /// <summary>A page of the system's metrics (of <paramref name="name"/> when given), newest first.</summary>
    Task<ResultPage<MetricPoint>> MetricsPageAsync(string systemId, string? name, PageRequest page, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Heartbeat>> RecentHeartbeatsAsync(string systemId, int max, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeploymentEvent>> RecentDeploymentsAsync(string systemId, int max, CancellationToken cancellationToken = default);
}
