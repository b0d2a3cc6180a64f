using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.PullBenchmark;

/// <summary>The real state store, timed (<see cref="Phases"/>).</summary>
public sealed class TimedStateStore(ITelemetryStateStore inner) : ITelemetryStateStore
{
    public Task<(TelemetryState? State, string? ETag)> GetAsync(string systemId, CancellationToken cancellationToken = default) =>
        Phases.TimeAsync(Phases.Phase.StateRead, () => inner.GetAsync(systemId, cancellationToken));

    public Task SaveAsync(string systemId, TelemetryState state, string? etag, CancellationToken cancellationToken = default) =>
        Phases.TimeAsync(Phases.Phase.StateWrite, () => inner.SaveAsync(systemId, state, etag, cancellationToken));
}
