using Azure.Identity;
using GapMonitor.Core.Observability;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using GapMonitor.Infrastructure.Telemetry.Pushed;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// The pull step of pushed telemetry: reads what is new in the system's pushed-telemetry log (<see cref="BlobPushedTelemetryLog"/>)
/// with <see cref="PushedLogReader"/> and its own checkpoint (<see cref="TelemetryState.PushedLogCheckpoint"/>), advanced in
/// the same state write as the rows it covers, so each pushed row is folded exactly once. Rows go into the window of their
/// record time (late ones are counted), every column is profiled up to the system's column bounds (values past them are
/// counted as ignored), and each row counts under its batch's model version. For a system with <c>performance</c>
/// settings the output columns of each row go into the window's predictions, identified by the row's correlation-id column.
/// Blobs named by an earlier build (no minute folder) are read with that build's checkpoint until none can be left.
/// </summary>
public sealed class PushedTelemetryFold(
    BlobPushedTelemetryLog log,
    InferenceLogReader legacyReader,
    TimeProvider timeProvider,
    ILogger<PushedTelemetryFold> logger,
    GapMonitorMetrics? metrics = null)
{
    private const int RowsPerRead = 20_000;

    /// <summary>How long after the upgrade blobs named by the earlier build are still looked for (its hosts may still run).</summary>
    private static readonly TimeSpan LegacyGrace = TimeSpan.FromHours(2);

    private readonly PushedLogReader _reader = new(logger);

    internal Azure.Storage.Blobs.BlobContainerClient PushedContainer => log.Container;

    public Task<bool> HasPushesAsync(string systemId, CancellationToken cancellationToken = default) => log.HasPushesAsync(systemId, cancellationToken);

    public async Task<TelemetryDelta> FoldAsync(MonitoredSystem system, TelemetryState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(state);
        var slice = new Slice(system, state, system.DriftWindowLength(), PredictionExtraction.For(system), BlobPushedTelemetryLog.PrefixOf(system.Id));
        try
        {
            var latest = timeProvider.GetUtcNow() + ClientTimes.MaxAhead;
            // Batches that a build before the pushed-telemetry log folded straight into the state: a retry of one is no new data.
            var folded = state.RecentBatchIds.Select(BlobPushedTelemetryLog.RecordId).ToHashSet(StringComparer.Ordinal);
            var checkpoint = PushedLogCheckpoint.Parse(state.PushedLogCheckpoint, timeProvider.GetUtcNow(), LegacyGrace);
            if (checkpoint.Legacy is not null)
            {
                checkpoint = await FoldLegacyAsync(slice, checkpoint, latest, folded, cancellationToken);
            }

            var hasMore = false;
            while (slice.Rows < TelemetryPuller.MaxRowsPerPull)
            {
                var result = await _reader.ReadNewAsync(log.Container, slice.Prefix, checkpoint, RowsPerRead, timeProvider.GetUtcNow(), latest, folded, cancellationToken);
                Absorb(slice, result.Content);
                checkpoint = result.Checkpoint;
                state.PushedLogCheckpoint = checkpoint.Serialize();
                hasMore = result.HasMore;
                if (!hasMore)
                {
                    break;
                }
            }

            if (hasMore)
            {
                metrics?.PullBudgetExhausted(GapMonitorMetrics.Sources.Pushed);
                logger.LogWarning(
                    "Pushed telemetry of {SystemId} is arriving faster than one pull folds ({MaxRows} rows); the rest is folded by the next pulls",
                    system.Id, TelemetryPuller.MaxRowsPerPull);
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

        if (slice.Rows > 0)
        {
            metrics?.RowsPulled(GapMonitorMetrics.Sources.Pushed, slice.Rows);
            if (slice.LatestSeen is { } newest)
            {
                metrics?.PullLag(GapMonitorMetrics.Sources.Pushed, timeProvider.GetUtcNow() - newest);
            }
        }

        return new TelemetryDelta(slice.Rows, slice.LatestVersion, slice.LatestSeen);
    }

    /// <summary>
    /// Reads the blobs an earlier build named without a minute folder, with that build's checkpoint, and drops it once its
    /// open folders hold none and <see cref="PushedLogCheckpoint.LegacyUntil"/> has passed.
    /// </summary>
    private async Task<PushedLogCheckpoint> FoldLegacyAsync(
        Slice slice, PushedLogCheckpoint checkpoint, DateTimeOffset latest, HashSet<string> folded, CancellationToken cancellationToken)
    {
        var depth = slice.Prefix.Count(c => c == '/') + 5;
        while (slice.Rows < TelemetryPuller.MaxRowsPerPull)
        {
            var result = await legacyReader.ReadNewAsync(
                log.Container, slice.Prefix, checkpoint.Legacy, RowsPerRead, latest, name => name.Count(c => c == '/') == depth && !folded.Contains(Path.GetFileNameWithoutExtension(name)), cancellationToken);
            Absorb(slice, result);
            var done = !result.HasMore && result.Checkpoint.Blobs.Count == 0 && timeProvider.GetUtcNow() >= checkpoint.LegacyUntil;
            checkpoint = checkpoint with { Legacy = done ? null : result.Checkpoint, LegacyUntil = done ? null : checkpoint.LegacyUntil };
            slice.State.PushedLogCheckpoint = checkpoint.Serialize();
            if (!result.HasMore)
            {
                break;
            }
        }

        return checkpoint;
    }

    private void Absorb(Slice slice, InferenceLogReadResult result)
    {
        Fold(slice.System.Id, slice.State, slice.WindowLength, slice.Extraction, result.Rows);
        slice.Rows += result.RowCount;
        slice.State.RecordsRead += result.Records;
        slice.State.MalformedLines += result.MalformedLines;
        foreach (var (version, stats) in result.ModelVersions)
        {
            if (version.Length > 0 && stats.LastSeen is { } seen && (slice.LatestSeen is null || seen >= slice.LatestSeen))
            {
                (slice.LatestSeen, slice.LatestVersion) = (seen, TelemetryText.Truncate(version, TelemetryText.MaxModelVersion));
            }
        }

        if (result.LastRecordTime is { } last && (slice.LatestSeen is null || last > slice.LatestSeen))
        {
            slice.LatestSeen = last;
        }
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

    /// <summary>One system's pushed fold in progress.</summary>
    private sealed class Slice(MonitoredSystem system, TelemetryState state, TimeSpan windowLength, PredictionExtraction? extraction, string prefix)
    {
        public MonitoredSystem System { get; } = system;

        public TelemetryState State { get; } = state;

        public TimeSpan WindowLength { get; } = windowLength;

        public PredictionExtraction? Extraction { get; } = extraction;

        public string Prefix { get; } = prefix;

        public long Rows { get; set; }

        public string? LatestVersion { get; set; }

        public DateTimeOffset? LatestSeen { get; set; }
    }
}
