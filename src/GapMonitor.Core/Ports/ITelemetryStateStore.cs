using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Core.Ports;

/// <summary>The per-system telemetry state document, written with its ETag.</summary>
public interface ITelemetryStateStore
{
    Task<(TelemetryState? State, string? ETag)> GetAsync(string systemId, CancellationToken cancellationToken = default);

    /// <summary>Saves if the ETag still matches (null = must not exist yet); <see cref="ConcurrencyConflictException"/> otherwise.</summary>
    Task SaveAsync(string systemId, TelemetryState state, string? etag, CancellationToken cancellationToken = default);
}
