using System.Text.Json;
using GapMonitor.Core.Observability;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Telemetry;

/// <summary>
/// Takes in pushed telemetry rows: a batch with too long a column name or more than <see cref="ColumnAdmission.MaxColumns"/>
/// distinct columns is refused whole; the rest is written once to the pushed-telemetry log (a batch id written before is a
/// duplicate) and folded into the drift window of its record time by the next pull, like pulled rows. A push costs its
/// own rows only: it reads no shared state.
/// </summary>
public sealed class TelemetryPush(IPushedTelemetryLog log, TimeProvider timeProvider, GapMonitorMetrics? metrics = null)
{
    public async Task<PushOutcome> PushAsync(MonitoredSystem system, PushedBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(batch);
        var now = timeProvider.GetUtcNow();
        var recordTime = batch.At ?? now;
        var windowStart = TelemetryState.AlignedStart(recordTime, system.DriftWindowLength());
        if (RefusedColumn(batch.Rows) is { } refused)
        {
            return new PushOutcome(windowStart, Duplicate: false, 0, refused);
        }

        if (!await log.AppendAsync(system.Id, batch, recordTime, now, cancellationToken))
        {
            return new PushOutcome(windowStart, Duplicate: true, 0, null);
        }

        metrics?.RowsPushed(batch.Rows.Count);
        return new PushOutcome(windowStart, Duplicate: false, batch.Rows.Count, null);
    }

    /// <summary>
    /// The first column past the bounds of one batch. The system-wide bound is applied when the pull folds the rows:
    /// values of columns past it are counted as ignored, as for pulled rows.
    /// </summary>
    public static ColumnRefusal? RefusedColumn(IReadOnlyList<JsonElement> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var admission = new ColumnAdmission([]);
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var property in rows[i].EnumerateObject())
            {
                if (!admission.TryAdmit(property.Name, out var refusal))
                {
                    return new ColumnRefusal($"[{i}].{property.Name}", refusal!);
                }
            }
        }

        return null;
    }
}
