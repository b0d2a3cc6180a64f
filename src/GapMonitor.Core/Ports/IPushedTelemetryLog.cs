using GapMonitor.Core.Telemetry;

namespace GapMonitor.Core.Ports;

/// <summary>
/// The service-owned log of pushed telemetry: each accepted batch is written once, as one data-collector record, and
/// folded into the drift windows by the next pull like any pulled file.
/// </summary>
public interface IPushedTelemetryLog
{
    /// <summary>
    /// Writes the batch once per batch id, whatever crashes or retries happen around it. False (nothing written) when
    /// a batch with this id was written before.
    /// </summary>
    /// <param name="recordTime">The record time of the rows (the batch's <c>at</c>, or its arrival).</param>
    /// <param name="arrivedAt">The service's clock at arrival: it places the record in the log.</param>
    Task<bool> AppendAsync(string systemId, PushedBatch batch, DateTimeOffset recordTime, DateTimeOffset arrivedAt, CancellationToken cancellationToken = default);
}
