using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Telemetry;

/// <summary>Precomputed metrics pushed by the client's monitoring: kept in the history, and counted as telemetry arriving.</summary>
public sealed class MetricIngestion(ISignalHistory history, TelemetryIngestion ingestion, TimeProvider timeProvider)
{
    /// <summary>Idempotent: a point is stored under its batch id and index, so a batch sent again replaces itself.</summary>
    public async Task RecordAsync(MonitoredSystem system, IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        await history.AppendAsync(points, cancellationToken);
        await ingestion.UpdateAsync(system, _ => Task.FromResult(new TelemetryDelta(points.Count, null, timeProvider.GetUtcNow())), cancellationToken);
    }
}
