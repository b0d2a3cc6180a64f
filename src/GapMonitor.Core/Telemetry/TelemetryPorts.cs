using GapMonitor.Core.Drift.Profiles;

namespace GapMonitor.Core.Telemetry;

/// <summary>The per-system telemetry state document, written with its ETag.</summary>
public interface ITelemetryStateStore
{
    Task<(TelemetryState? State, string? ETag)> GetAsync(string systemId, CancellationToken cancellationToken = default);

    /// <summary>Saves if the ETag still matches (null = must not exist yet); <see cref="Abstractions.ConcurrencyConflictException"/> otherwise.</summary>
    Task SaveAsync(string systemId, TelemetryState state, string? etag, CancellationToken cancellationToken = default);
}

/// <summary>Profiles of uploaded reference datasets, by version.</summary>
public interface IReferenceProfiles
{
    Task<DatasetProfile?> GetAsync(string systemId, string version, CancellationToken cancellationToken = default);
}

/// <summary>Closed drift windows, newest first.</summary>
public interface IDriftWindowStore
{
    /// <summary>Idempotent: saving the same window again replaces it.</summary>
    Task SaveAsync(DriftWindowRecord record, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DriftWindowRecord>> ListAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, int max, CancellationToken cancellationToken = default);
}
