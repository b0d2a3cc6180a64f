using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Tests.Support;

/// <summary>Heartbeats and deployment events in memory, newest first; metrics are tested against Azurite.</summary>
internal sealed class InMemorySignalHistory : ISignalHistory
{
    public List<Heartbeat> Heartbeats { get; } = [];

    public List<DeploymentEvent> Deployments { get; } = [];

    public Task AppendAsync(Heartbeat heartbeat, CancellationToken cancellationToken = default)
    {
        Heartbeats.Add(heartbeat);
        return Task.CompletedTask;
    }

    public Task AppendAsync(DeploymentEvent deployment, CancellationToken cancellationToken = default)
    {
        Deployments.Add(deployment);
        return Task.CompletedTask;
    }

    public Task AppendAsync(IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<MetricPoint>> RecentMetricsAsync(string systemId, string? name, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MetricPoint>>([]);

    public Task<ResultPage<MetricPoint>> MetricsPageAsync(string systemId, string? name, PageRequest page, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Lists are tested against Azurite.");

    public Task<IReadOnlyList<Heartbeat>> RecentHeartbeatsAsync(string systemId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Heartbeat>>([.. Heartbeats.Where(h => h.SystemId == systemId).OrderByDescending(h => h.ReceivedAt).Take(max)]);

    public Task<IReadOnlyList<DeploymentEvent>> RecentDeploymentsAsync(string systemId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeploymentEvent>>([.. Deployments.Where(d => d.SystemId == systemId).OrderByDescending(d => d.At).Take(max)]);
}
