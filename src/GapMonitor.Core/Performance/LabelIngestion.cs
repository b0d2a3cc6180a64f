using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Performance;

/// <summary>
/// Joins a batch of late labels to the kept predictions by correlation id: first in the open windows (the telemetry
/// state, under its ETag), then in the closed windows still waiting for labels (each under its own ETag; those closed
/// more than <c>labelWait</c> ago are dropped when met). Each closed window a label reached is judged again: its stored
/// record gets the new <c>performance</c> and the verdict goes onto the system, which opens or resolves
/// <c>performance-degraded</c>. Idempotent by batch id: applied batches are remembered with their outcome in the
/// telemetry state (like pushed batch ids), and every step sets targets to the same values when run again, so a batch
/// interrupted half way can simply be posted again.
/// </summary>
public sealed class LabelIngestion(
    TelemetryIngestion ingestion,
    ITelemetryStateStore states,
    IPendingPredictionStore pending,
    IDriftWindowStore windows,
    IPerformanceReferences references,
    SystemSignals signals,
    TimeProvider timeProvider,
    ILogger<LabelIngestion> logger)
{
    public async Task<LabelOutcome> IngestAsync(MonitoredSystem system, string batchId, IReadOnlyList<Label> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentNullException.ThrowIfNull(labels);
        var settings = system.Performance ?? throw new InvalidOperationException($"System {system.Id} declares no performance settings.");
        var (known, _) = await states.GetAsync(system.Id, cancellationToken);
        if (known?.LabelBatch(batchId) is { } applied)
        {
            return applied with { Duplicate = true };
        }

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            targets[label.CorrelationId] = label.Target;
        }

        var matched = await JoinOpenAsync(system, targets, cancellationToken);
        var updated = await JoinClosedAsync(system, settings, targets, matched, cancellationToken);
        var matchedLabels = labels.Count(l => matched.Contains(l.CorrelationId));
        var outcome = new LabelOutcome(batchId, labels.Count, matchedLabels, labels.Count - matchedLabels, updated, Duplicate: false);
        LabelOutcome? concurrent = null;
        await ingestion.UpdateAsync(system, state =>
        {
            concurrent = state.LabelBatch(batchId);
            if (concurrent is null)
            {
                state.RememberLabelBatch(outcome);
            }

            return Task.FromResult(TelemetryDelta.None);
        }, cancellationToken);
        return concurrent is null ? outcome : concurrent with { Duplicate = true };
    }

    /// <summary>
    /// Windows still open (or ending but not yet closed) take their labels in the state write; a window that closes in
    /// the same step is judged with them. A window closed by someone else before this write is in the pending store by then.
    /// </summary>
    private async Task<HashSet<string>> JoinOpenAsync(MonitoredSystem system, Dictionary<string, string> targets, CancellationToken cancellationToken)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        await ingestion.UpdateAsync(system, state =>
        {
            matched.Clear();
            foreach (var window in state.Windows.Values.Concat(state.Closing.Select(c => c.Window)))
            {
                if (window.Predictions is { } predictions)
                {
                    LabelJoin.Apply(predictions, targets, matched);
                }
            }

            return Task.FromResult(TelemetryDelta.None);
        }, cancellationToken);
        return matched;
    }

    /// <returns>How many closed windows were judged again.</returns>
    private async Task<int> JoinClosedAsync(MonitoredSystem system, PerformanceSettings settings, Dictionary<string, string> targets, HashSet<string> matched, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var updated = 0;
        await pending.PruneAsync(system.Id, now - settings.LabelWait - system.DriftWindowLength(), cancellationToken);
        await foreach (var listed in pending.ListAsync(system.Id, cancellationToken))
        {
            if (now - listed.WindowEnd > settings.LabelWait)
            {
                await pending.DeleteAsync(system.Id, listed.WindowStart, cancellationToken);
                continue;
            }

            var joined = await JoinWindowAsync(listed, targets, cancellationToken);
            if (joined is null)
            {
                continue;
            }

            matched.UnionWith(joined.Value.Matched);
            if (await JudgeUntilSettledAsync(system, settings, listed, joined.Value.Predictions, cancellationToken))
            {
                updated++;
            }
        }

        return updated;
    }

    /// <summary>
    /// Sets the labels' targets in one pending window, replacing it under its ETag (read again on a conflict). Null when
    /// no label names a row of it. A window whose targets are already those of the labels (a batch posted again) is
    /// still returned, so its judgment is redone.
    /// </summary>
    private async Task<(WindowPredictions Predictions, HashSet<string> Matched)?> JoinWindowAsync(PendingPredictions listed, Dictionary<string, string> targets, CancellationToken cancellationToken)
    {
        var first = true;
        return await ConflictRetry.RunAsync<(WindowPredictions, HashSet<string>)?>(async () =>
        {
            var current = first ? listed : await pending.GetAsync(listed.SystemId, listed.WindowStart, cancellationToken);
            first = false;
            if (current is null)
            {
                return null;
            }

            var matched = new HashSet<string>(StringComparer.Ordinal);
            var (matches, changed) = LabelJoin.Apply(current.Predictions, targets, matched);
            if (matches == 0)
            {
                return null;
            }

            if (changed)
            {
                await pending.ReplaceAsync(current, cancellationToken);
            }

            return (current.Predictions, matched);
        });
    }

    /// <summary>
    /// Judges the window, then reads its predictions again: a concurrent batch that changed them after this one read
    /// may have stored its judgment first, so the window is judged again on what is stored now, until nothing changed
    /// in between (the last writer of a window's record always checks after writing).
    /// </summary>
    private async Task<bool> JudgeUntilSettledAsync(MonitoredSystem system, PerformanceSettings settings, PendingPredictions listed, WindowPredictions predictions, CancellationToken cancellationToken)
    {
        const int MaxRounds = 5;
        var judged = false;
        for (var round = 0; round < MaxRounds; round++)
        {
            judged |= await JudgeAgainAsync(system, settings, listed.WindowStart, listed.WindowEnd, predictions, cancellationToken);
            var stored = await pending.GetAsync(listed.SystemId, listed.WindowStart, cancellationToken);
            if (!judged || stored is null || SameTargets(stored.Predictions, predictions))
            {
                break;
            }

            predictions = stored.Predictions;
        }

        return judged;
    }

    private static bool SameTargets(WindowPredictions stored, WindowPredictions judged) =>
        stored.Kept.Count == judged.Kept.Count && stored.Kept.Select(r => r.Target).SequenceEqual(judged.Kept.Select(r => r.Target), StringComparer.Ordinal);

    /// <summary>Stores the window's new performance on its record and records the verdict on the system; false when the window has no record.</summary>
    private async Task<bool> JudgeAgainAsync(MonitoredSystem system, PerformanceSettings settings, DateTimeOffset start, DateTimeOffset end, WindowPredictions predictions, CancellationToken cancellationToken)
    {
        var record = await windows.GetAsync(system.Id, start, cancellationToken);
        if (record is null)
        {
            logger.LogWarning("Labels reached window {WindowStart} of {SystemId}, which has no stored record; it is judged when it closes", start, system.Id);
            return false;
        }

        var performance = await EvaluateAsync(system, settings, record.ReferenceVersion, predictions, cancellationToken);
        await windows.SaveAsync(record with { Performance = performance }, cancellationToken);
        await signals.UpdateAsync(
            system.Id,
            current => current.Performance is null ? current : PerformanceVerdicts.Record(current, start, end, performance),
            cancellationToken);
        logger.LogInformation("Labels reached window {WindowStart} of {SystemId}: {LabeledRows} of {Kept} kept rows labeled", start, system.Id, performance.LabeledRows, predictions.Kept.Count);
        return true;
    }

    /// <summary>Judged against the reference the window was compared with (the system's current one when that is gone).</summary>
    private async Task<WindowPerformance> EvaluateAsync(MonitoredSystem system, PerformanceSettings settings, string? windowReference, WindowPredictions predictions, CancellationToken cancellationToken)
    {
        var reference = windowReference is null ? null : await references.GetAsync(system.Id, windowReference, settings, cancellationToken);
        if (reference is null && system.Signals.ReferenceVersion is { } current && current != windowReference)
        {
            reference = await references.GetAsync(system.Id, current, settings, cancellationToken);
        }

        try
        {
            return WindowPerformanceEvaluation.Evaluate(settings, reference, predictions);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // The same rows give the same failure however often they are judged: the window says why it has no metrics.
            logger.LogError(ex, "Judging the labeled outputs of {SystemId} failed", system.Id);
            return WindowPerformanceEvaluation.Unjudged(settings, predictions, ex);
        }
    }
}
