using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Tests.Support;

/// <summary>
/// Telemetry states in memory under a counter ETag, each read and write a copy (as a stored document is); the next
/// <see cref="ConflictsToCause"/> saves fail as a concurrent writer's would.
/// </summary>
internal sealed class InMemoryTelemetryStateStore : ITelemetryStateStore
{
    private readonly Dictionary<string, (TelemetryState State, string ETag)> _states = new(StringComparer.Ordinal);
    private int _version;

    public int ConflictsToCause { get; set; }

    public int Saves { get; private set; }

    public TelemetryState? this[string systemId] => _states.TryGetValue(systemId, out var stored) ? Copy(stored.State) : null;

    public Task<(TelemetryState? State, string? ETag)> GetAsync(string systemId, CancellationToken cancellationToken = default) =>
        Task.FromResult<(TelemetryState?, string?)>(_states.TryGetValue(systemId, out var stored) ? (Copy(stored.State), stored.ETag) : (null, null));

    public Task SaveAsync(string systemId, TelemetryState state, string? etag, CancellationToken cancellationToken = default)
    {
        var current = _states.TryGetValue(systemId, out var stored) ? stored.ETag : null;
        if (ConflictsToCause > 0 || current != etag)
        {
            ConflictsToCause = Math.Max(0, ConflictsToCause - 1);
            throw new ConcurrencyConflictException($"The telemetry state of {systemId} changed.");
        }

        _states[systemId] = (Copy(state), (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Saves++;
        return Task.CompletedTask;
    }

    private static TelemetryState Copy(TelemetryState state)
    {
        var copy = new TelemetryState
        {
            ClosedThrough = state.ClosedThrough,
            LateRows = state.LateRows,
            IgnoredValues = state.IgnoredValues,
            RecentBatchIds = [.. state.RecentBatchIds],
            RecentLabelBatches = [.. state.RecentLabelBatches],
            InferenceLogCheckpoint = state.InferenceLogCheckpoint,
            DeploymentsQueriedUntil = state.DeploymentsQueriedUntil,
            MonitoringRunsQueriedUntil = state.MonitoringRunsQueriedUntil,
            RecordsRead = state.RecordsRead,
            MalformedLines = state.MalformedLines,
            LastPullAt = state.LastPullAt,
            LastPullError = state.LastPullError,
        };
        foreach (var (start, window) in state.Windows)
        {
            copy.Windows[start] = Copy(window);
        }

        foreach (var closing in state.Closing)
        {
            copy.Closing.Add(new ClosingWindow(closing.Start, closing.End, Copy(closing.Window))
            {
                Attempts = closing.Attempts,
                RetryAt = closing.RetryAt,
                LastError = closing.LastError,
            });
        }

        return copy;
    }

    private static OpenWindow Copy(OpenWindow window) =>
        new(ProfileJson.DeserializeDataset(ProfileJson.Serialize(window.Profile)))
        {
            ModelVersions = new(window.ModelVersions, StringComparer.Ordinal),
            Predictions = window.Predictions is null ? null : InMemoryPendingPredictionStore.Copy(window.Predictions),
        };
}
