using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Abstractions;

/// <summary>Append-only history of received signals (the rules read the latest state from the system itself).</summary>
public interface ISignalHistory
{
    Task AppendAsync(Heartbeat heartbeat, CancellationToken cancellationToken = default);

    Task AppendAsync(DeploymentEvent deployment, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Heartbeat>> RecentHeartbeatsAsync(string systemId, int max, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeploymentEvent>> RecentDeploymentsAsync(string systemId, int max, CancellationToken cancellationToken = default);
}
