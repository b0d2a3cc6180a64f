using System.Text.Json;
using Azure.Identity;
using GapMonitor.Core.Observability;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// The pull step of pushed telemetry: reads what is new in the system's pushed-telemetry log (<see cref="BlobPushedTelemetryLog"/>)
/// with the inference log reader and its own checkpoint (<see cref="TelemetryState.PushedLogCheckpoint"/>), advanced in the
/// same state write as the rows it covers, so each pushed row is folded exactly once. Rows go into the window of their
/// record time (late ones are counted), every column is profiled up to the system's column bounds (values past them are
/// counted as ignored), and each row counts under its batch's model version. For a system with <c>performance</c>
/// settings the output columns of each row go into the window's predictions, identified by the row's correlation-id column.
/// </summary>
public sealed class PushedTelemetryFold(
    BlobPushedTelemetryLog log,
    InferenceLogReader reader,
    TimeProvider timeProvider,
    ILogger<PushedTelemetryFold> logger,
    GapMonitorMetrics? metrics = null)
{
    private const int RowsPerRead = 20_000;

    public Task<bool> HasPushesAsync(string systemId, CancellationToken cancellationToken = default) => log.HasPushesAsync(systemId, cancellationToken);

    public async Task<TelemetryDelta> FoldAsync(MonitoredSystem system, TelemetryState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(state);
        var windowLength = system.DriftWindowLength();
        var extraction = PredictionExtraction.For(system);
        var prefix = BlobPushedTelemetryLog.PrefixOf(system.Id);
        long rows = 0;
        string? latestVersion = null;
        DateTimeOffset? latestSeen = null;
        try
        {
            while (rows < TelemetryPuller.MaxRowsPerPull)
            {
                var checkpoint = state.PushedLogCheckpoint is { } stored ? JsonSerializer.Deserialize<InferenceLogCheckpoint>(stored) : null;
                var result = await reader.ReadNewAsync(log.Container, prefix, checkpoint, RowsPerRead, timeProvider.GetUtcNow() + ClientTimes.MaxAhead, cancellationToken);
                Fold(system.Id, state, windowLength, extraction, result.Rows);
                rows += result.RowCount;
                state.RecordsRead += result.Records;
                state.MalformedLines += result.MalformedLines;
                foreach (var (version, stats) in result.ModelVersions)
                {
                    if (version.Length > 0 && stats.LastSeen is { } seen && (latestSeen is null || seen >= latestSeen))
                    {
                        (latestSeen, latestVersion) = (seen, TelemetryText.Truncate(version, TelemetryText.MaxModelVersion));
                    }
                }

                if (result.LastRecordTime is { } last && (latestSeen is null || last > latestSeen))
                {
                    latestSeen = last;
                }

                state.PushedLogCheckpoint = JsonSerializer.Serialize(result.Checkpoint);
                if (!result.HasMore)
                {
                    break;
                }
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            state.LastPullError = $"Pushed telemetry: {ex.Status} {ex.ErrorCode}";
            logger.LogWarning("Reading the pushed telemetry of {SystemId} failed: {Status} {ErrorCode}", system.Id, ex.Status, ex.ErrorCode);
        }
        catch (AuthenticationFailedException ex)
        {
            state.LastPullError = $"Pushed telemetry: the service identity could not get a token ({ex.GetType().Name}; the service log has the details)";
            logger.LogWarning(ex, "Pushed telemetry of {SystemId} not read: the service identity could not get a token", system.Id);
        }

        if (rows > 0)
        {
            metrics?.RowsPulled(GapMonitorMetrics.Sources.Pushed, rows);
            if (latestSeen is { } newest)
            {
                metrics?.PullLag(GapMonitorMetrics.Sources.Pushed, timeProvider.GetUtcNow() - newest);
            }
        }

        return new TelemetryDelta(rows, latestVersion, latestSeen);
    }

    private void Fold(string systemId, TelemetryState state, TimeSpan windowLength, PredictionExtraction? extraction, InferenceRowBatch batch)
    {
        var admission = ColumnAdmission.For(state);
        var columns = batch.Columns.ToArray();
        var outputs = extraction is null ? [] : columns.Where(c => extraction.Reads(c.Key)).ToArray();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var ignoredBefore = state.IgnoredValues;
        var cells = new List<KeyValuePair<string, OutputValue>>(outputs.Length);
        for (var i = 0; i < batch.Count; i++)
        {
            var window = state.WindowFor(batch.Times[i], windowLength, TelemetryIngestion.ServiceProfileSettings);
            if (window is null)
            {
                continue;
            }

            RowColumnsFold.Add(window.Profile, columns, i, admission, refused, state);

            window.Profile.Rows++;
            if (i < batch.ModelVersions.Count && batch.ModelVersions[i] is { } version)
            {
                window.CountModelVersion(TelemetryText.Truncate(version, TelemetryText.MaxModelVersion)!, 1);
            }

            if (extraction is not null)
            {
                cells.Clear();
                foreach (var (name, values) in outputs)
                {
                    if (values[i].Kind != TelemetryValueKind.Missing && !refused.Contains(name))
                    {
                        cells.Add(KeyValuePair.Create(name, new OutputValue(values[i].Kind, values[i].Number, values[i].Text)));
                    }
                }

                extraction.Add(window, TelemetryState.AlignedStart(batch.Times[i], windowLength), cells, batch.CorrelationIds[i]);
            }
        }

        if (refused.Count > 0)
        {
            logger.LogWarning(
                "Ignored {Values} pushed values of {Columns} columns of {SystemId} past the bounds of {MaxColumns} columns",
                state.IgnoredValues - ignoredBefore, refused.Count, systemId, ColumnAdmission.MaxColumns);
        }
    }
}
