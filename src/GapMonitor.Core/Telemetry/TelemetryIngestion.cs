using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Telemetry;

/// <summary>
/// Read–change–write of a system's telemetry state under its ETag: due windows are closed first, then the change folds
/// rows and advances checkpoints in the same write. On a conflict the whole step runs again on the fresh state.
/// </summary>
public sealed class TelemetryIngestion(
    ITelemetryStateStore states,
    DriftWindowCloser closer,
    ISystemStore systems,
    SystemSignals signals,
    TimeProvider timeProvider)
{
    /// <summary>
    /// Window profiles keep larger samples than the defaults: a window of up to 20,000 values per column is compared
    /// exactly (as <c>gapmonitor drift</c> would); beyond that the tests run on a uniform sample (docs/drift.md).
    /// </summary>
    public static ProfileSettings ServiceProfileSettings { get; } = ProfileSettings.Default with { SampleSize = 20_000 };

    /// <summary>References are profiled once and read at each window close: up to 50,000 values per column stay exact.</summary>
    public static ProfileSettings ReferenceProfileSettings { get; } = ProfileSettings.Default with { SampleSize = 50_000 };

    public async Task<TelemetryDelta> UpdateAsync(MonitoredSystem system, Func<TelemetryState, Task<TelemetryDelta>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(change);
        var window = system.DriftWindowLength();
        var delta = await ConflictRetry.RunAsync(async () =>
        {
            var (state, etag) = await states.GetAsync(system.Id, cancellationToken);
            state ??= new TelemetryState();
            var delta = await change(state);
            if (state.Windows.Count > 0 || state.Closing.Count > 0)
            {
                var latest = (await systems.GetAsync(system.Id, cancellationToken))?.System ?? system;
                await closer.CloseDueAsync(latest, state, window, cancellationToken);
            }

            await states.SaveAsync(system.Id, state, etag, cancellationToken);
            return delta;
        });

        if (delta.Rows > 0 || delta.ModelVersion is not null)
        {
            // The rows are committed: a pull cancelled now (a queued shard ending) must still record that they arrived.
            await RecordArrivalAsync(system.Id, delta, CancellationToken.None);
        }

        return delta;
    }

    /// <summary>Telemetry arrived: stale-telemetry resolves, an unannounced model version is noticed.</summary>
    private Task RecordArrivalAsync(string systemId, TelemetryDelta delta, CancellationToken cancellationToken) =>
        signals.UpdateAsync(systemId, system => system with
        {
            Signals = system.Signals with
            {
                LastTelemetryAt = timeProvider.GetUtcNow(),
                LastSeenModelVersion = delta.ModelVersion ?? system.Signals.LastSeenModelVersion,
            },
        }, cancellationToken);
}
