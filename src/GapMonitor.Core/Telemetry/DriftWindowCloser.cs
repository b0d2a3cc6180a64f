using GapMonitor.Core.Performance;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Drift;
using GapMonitor.Drift.Distributions;
using GapMonitor.Drift.Profiles;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Telemetry;

/// <summary>
/// Closes a drift window: compares its profile with the reference, judges its model outputs (systems with
/// <c>performance</c> settings), stores the window, keeps its predictions for late labels, and records the outcome on
/// the system (which opens or resolves <c>drift-detected</c>, <c>performance-degraded</c> and <c>performance-at-risk</c>
/// through the usual atomic alert write). Re-running it for the same window (after a crash or a conflict) stores the
/// same result and changes the system only once.
/// </summary>
public sealed class DriftWindowCloser(
    IReferenceProfiles references,
    IPerformanceReferences performanceReferences,
    IPendingPredictionStore pendingPredictions,
    IDriftWindowStore windows,
    SystemSignals signals,
    TimeProvider timeProvider,
    ILogger<DriftWindowCloser> logger)
{
    /// <summary>Drifted column names kept on the system (and so in the alert); the window row keeps them all.</summary>
    public const int MaxDriftedColumnsOnSystem = 100;

    /// <summary>A window whose close keeps failing is given up after this many tries (about a day of hourly retries).</summary>
    public const int MaxCloseAttempts = 24;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>
    /// Closes every open window that has ended (oldest first); windows beyond the bound are closed early, oldest first.
    /// A window whose close fails never fails the caller: it waits in <see cref="TelemetryState.Closing"/> and is tried
    /// again on a later update, so ingestion goes on and the state is saved.
    /// </summary>
    public async Task CloseDueAsync(MonitoredSystem system, TelemetryState state, TimeSpan windowLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(state);
        var now = timeProvider.GetUtcNow();
        while (state.Windows.Count > 0)
        {
            var (start, window) = state.Windows.First();
            if (start + windowLength > now && state.Windows.Count <= TelemetryState.MaxOpenWindows)
            {
                break;
            }

            state.Windows.Remove(start);
            state.ClosedThrough = state.ClosedThrough is { } closed && closed > start ? closed : start;
            if (window.Profile.Rows > 0 || window.Predictions?.Rows > 0)
            {
                state.Closing.Add(new ClosingWindow(start, start + windowLength, window));
            }
        }

        // The reference is read once for all the windows this update closes, not once per window.
        var references = new Dictionary<string, DatasetProfile?>(StringComparer.Ordinal);
        foreach (var closing in state.Closing.Where(c => c.RetryAt is null || c.RetryAt <= now).ToList())
        {
            try
            {
                await CloseAsync(system, closing, references, cancellationToken);
                state.Closing.Remove(closing);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                closing.Attempts++;
                closing.LastError = ex.GetType().Name;
                closing.RetryAt = now + RetryDelay(closing.Attempts);
                if (closing.Attempts >= MaxCloseAttempts)
                {
                    state.Closing.Remove(closing);
                    logger.LogError(ex, "Gave up closing drift window {WindowStart} of {SystemId} after {Attempts} tries", closing.Start, system.Id, closing.Attempts);
                }
                else
                {
                    logger.LogWarning(ex, "Closing drift window {WindowStart} of {SystemId} failed (try {Attempts}); trying again from {RetryAt}", closing.Start, system.Id, closing.Attempts, closing.RetryAt);
                }
            }
        }

        while (state.Closing.Count > TelemetryState.MaxOpenWindows)
        {
            var dropped = state.Closing[0];
            state.Closing.RemoveAt(0);
            logger.LogError("Dropped drift window {WindowStart} of {SystemId}: more than {Max} windows wait to be closed", dropped.Start, system.Id, TelemetryState.MaxOpenWindows);
        }
    }

    private static TimeSpan RetryDelay(int attempts) =>
        attempts >= 7 ? MaxRetryDelay : TimeSpan.FromMinutes(Math.Min(MaxRetryDelay.TotalMinutes, Math.Pow(2, attempts - 1)));

    private async Task CloseAsync(MonitoredSystem system, ClosingWindow closing, Dictionary<string, DatasetProfile?> references, CancellationToken cancellationToken)
    {
        var record = await CompareAsync(system, closing.Window, closing.Start, closing.End, references, cancellationToken);
        if (system.Performance is { } watched)
        {
            if (closing.Window.Predictions is { } predictions && AwaitsLabels(predictions))
            {
                // Labels a concurrent close let in are kept, and judged below with the rest.
                await PendingPredictionsSaving.SaveKeepingLabelsAsync(pendingPredictions, system.Id, closing.Start, closing.End, predictions, cancellationToken);
            }

            // Windows past their label wait are dropped here too, so systems that never post labels keep none.
            await pendingPredictions.PruneAsync(system.Id, closing.Start - watched.LabelWait - (closing.End - closing.Start), cancellationToken);
        }

        record = record with { Performance = await JudgePerformanceAsync(system, closing.Window, cancellationToken) };

        await windows.SaveAsync(record, cancellationToken);
        if (record.ReportJson is not null || record.Performance is { Rows: > 0 })
        {
            await RecordOnSystemAsync(system.Id, record, cancellationToken);
        }

        logger.LogInformation("Closed drift window {WindowStart} of {SystemId}: {Rows} rows, dataset drift {DatasetDrift}", closing.Start, system.Id, closing.Window.Profile.Rows, record.DatasetDrift);
    }

    private async Task<DriftWindowRecord> CompareAsync(
        MonitoredSystem system, OpenWindow window, DateTimeOffset start, DateTimeOffset end, Dictionary<string, DatasetProfile?> loaded, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, long>(window.ModelVersions, StringComparer.Ordinal);
        var referenceVersion = system.Signals.ReferenceVersion;
        DatasetProfile? reference = null;
        if (referenceVersion is not null && !loaded.TryGetValue(referenceVersion, out reference))
        {
            reference = await references.GetAsync(system.Id, referenceVersion, cancellationToken);
            loaded[referenceVersion] = reference;
        }

        if (reference is null)
        {
            return new DriftWindowRecord(system.Id, start, end, window.Profile.Rows, referenceVersion, false, [], 0, null, [], versions,
                "No reference dataset uploaded yet: PUT /api/systems/{id}/reference to measure drift.");
        }

        var report = DriftCalculator.Compare(reference, window.Profile);
        var drifted = report.Columns.Where(c => c.Drifted).Select(c => c.Name).ToList();
        return new DriftWindowRecord(system.Id, start, end, window.Profile.Rows, referenceVersion, report.DatasetDrift, drifted, report.DriftShare,
            DriftJsonWriter.Write(report), DataQuality.Compare(reference, window.Profile), versions, null,
            Distributions: DistributionsOrNull(system.Id, start, reference, window.Profile));
    }

    private static bool Finite(double? value) => value is not { } v || double.IsFinite(v);

    /// <summary>The window's charts; a failure to draw them is logged and costs the charts only, never the window.</summary>
    private IReadOnlyList<ColumnDistribution>? DistributionsOrNull(string systemId, DateTimeOffset start, DatasetProfile reference, DatasetProfile current)
    {
        try
        {
            var distributions = DistributionCalculator.Compare(reference, current, DistributionCalculator.DefaultBars);
            if (distributions.SelectMany(d => d.Bins).Any(b => !Finite(b.Reference) || !Finite(b.Current) || !Finite(b.Lower) || !Finite(b.Upper)))
            {
                logger.LogWarning("Drift window {WindowStart} of {SystemId} has distributions that are not finite numbers; the window is stored without them", start, systemId);
                return null;
            }

            return distributions;
        }
        catch (Exception ex) when (ex is ArithmeticException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            logger.LogWarning(ex, "Could not compute the distributions of drift window {WindowStart} of {SystemId}; the window is stored without them", start, systemId);
            return null;
        }
    }

    /// <summary>
    /// The window's performance (null when the system declares no model outputs): realized and estimated metrics
    /// against the fitted reference, or against given thresholds only when there is none.
    /// </summary>
    private async Task<WindowPerformance?> JudgePerformanceAsync(MonitoredSystem system, OpenWindow window, CancellationToken cancellationToken)
    {
        if (system.Performance is not { } settings)
        {
            return null;
        }

        if (window.Predictions is not { Rows: > 0 } predictions)
        {
            return new WindowPerformance(0, 0, null, null, settings.ToOptions().Thresholds, [], "No model outputs in this window.");
        }

        var referenceVersion = system.Signals.ReferenceVersion;
        var reference = referenceVersion is null ? null : await performanceReferences.GetAsync(system.Id, referenceVersion, settings, cancellationToken);
        try
        {
            return WindowPerformanceEvaluation.Evaluate(settings, reference, predictions);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Retrying cannot change the same rows: the window's drift is stored all the same, its performance says why it is missing.
            logger.LogError(ex, "Judging the model outputs of {SystemId} failed", system.Id);
            return WindowPerformanceEvaluation.Unjudged(settings, predictions, ex);
        }
    }

    /// <summary>Kept rows a late label could still reach: with a correlation id and no target yet.</summary>
    private static bool AwaitsLabels(WindowPredictions predictions) => predictions.Kept.Any(r => r.CorrelationId is not null && r.Target is null);

    /// <summary>Drift and performance of the window in one update of the system, so one sweep sees both.</summary>
    private Task RecordOnSystemAsync(string systemId, DriftWindowRecord record, CancellationToken cancellationToken) =>
        signals.UpdateAsync(systemId, system =>
        {
            var previous = system.Signals.Drift;
            // A window with model outputs but no input rows (the inputs' read failed) says nothing about input drift.
            if (record.ReportJson is not null && record.Rows > 0 && !(previous?.WindowStart >= record.WindowStart))
            {
                var streak = record.DatasetDrift ? 0 : (previous?.CleanStreak ?? 0) + 1;
                system = system with
                {
                    Signals = system.Signals with
                    {
                        Drift = new DriftSignal(record.WindowStart, record.WindowEnd, record.DatasetDrift, [.. record.DriftedColumns.Take(MaxDriftedColumnsOnSystem)], record.DriftShare, streak, record.DriftedColumns.Count),
                    },
                };
            }

            return record.Performance is { Rows: > 0 } performance
                ? PerformanceVerdicts.Record(system, record.WindowStart, record.WindowEnd, performance)
                : system;
        }, cancellationToken);
}
