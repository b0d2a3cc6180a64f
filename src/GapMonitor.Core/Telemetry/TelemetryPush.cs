using System.Text.Json;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Telemetry;

/// <summary>
/// Takes in pushed telemetry rows: a batch id seen before is a duplicate, a batch that would take the system past its
/// column bounds is refused whole, and the rest is folded into the drift window of its record time, counted per model version.
/// For a system with <c>performance</c> settings each row's model output also goes into the window's predictions.
/// </summary>
public sealed class TelemetryPush(TelemetryIngestion ingestion, TimeProvider timeProvider)
{
    public async Task<PushOutcome> PushAsync(MonitoredSystem system, PushedBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(batch);
        var windowLength = system.DriftWindowLength();
        var recordTime = batch.At ?? timeProvider.GetUtcNow();
        var extraction = PredictionExtraction.For(system);
        PushOutcome? outcome = null;
        await ingestion.UpdateAsync(system, state =>
        {
            (outcome, var delta) = Apply(state, batch, recordTime, windowLength, timeProvider.GetUtcNow(), extraction);
            return Task.FromResult(delta);
        }, cancellationToken);
        return outcome!;
    }

    /// <summary>Decides on one read of the state; on a write conflict it runs again on the fresh state.</summary>
    internal static (PushOutcome Outcome, TelemetryDelta Delta) Apply(TelemetryState state, PushedBatch batch, DateTimeOffset recordTime, TimeSpan windowLength, DateTimeOffset now, PredictionExtraction? extraction = null)
    {
        var windowStart = TelemetryState.AlignedStart(recordTime, windowLength);
        if (state.HasBatch(batch.BatchId))
        {
            return (new PushOutcome(windowStart, Duplicate: true, 0, null), TelemetryDelta.None);
        }

        if (RefusedColumn(ColumnAdmission.For(state), batch.Rows) is { } refused)
        {
            return (new PushOutcome(windowStart, Duplicate: false, 0, refused), TelemetryDelta.None);
        }

        state.RememberBatch(batch.BatchId);
        var accepted = new PushOutcome(windowStart, Duplicate: false, batch.Rows.Count, null);
        if (state.WindowFor(recordTime, windowLength, TelemetryIngestion.ServiceProfileSettings) is not { } window)
        {
            return (accepted, TelemetryDelta.None);
        }

        foreach (var row in batch.Rows)
        {
            TelemetryRow.Fold(window.Profile, row);
            extraction?.Add(window, windowStart, row.Where(c => extraction.Reads(c.Key)).Select(c => KeyValuePair.Create(c.Key, OutputValue.From(c.Value))), null);
        }

        if (batch.ModelVersion is not null)
        {
            window.CountModelVersion(batch.ModelVersion, batch.Rows.Count);
        }

        state.RecordsRead += batch.Rows.Count;
        return (accepted, new TelemetryDelta(batch.Rows.Count, batch.ModelVersion, now));
    }

    /// <summary>The first column that would take the system past its column bounds.</summary>
    private static ColumnRefusal? RefusedColumn(ColumnAdmission admission, IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var name in rows[i].Keys)
            {
                if (!admission.TryAdmit(name, out var refusal))
                {
                    return new ColumnRefusal($"[{i}].{name}", refusal!);
                }
            }
        }

        return null;
    }
}
