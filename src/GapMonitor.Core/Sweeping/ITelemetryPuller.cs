namespace GapMonitor.Core.Sweeping;

/// <summary>The first step of a sweep: pull telemetry from the sources configured on systems.</summary>
public interface ITelemetryPuller
{
    Task<PullSummary> PullAsync(CancellationToken cancellationToken = default);
}

/// <param name="Rows">Rows read in this pull.</param>
/// <param name="SystemsFailed">Systems whose pull broke off with an error (logged; the others went on).</param>
public sealed record PullSummary(long Rows, int SystemsFailed);
