namespace GapMonitor.Core.Ports;

/// <summary>The first step of a sweep: pull telemetry from the sources configured on systems.</summary>
public interface ITelemetryPuller
{
    Task<PullSummary> PullAsync(CancellationToken cancellationToken = default);
}
