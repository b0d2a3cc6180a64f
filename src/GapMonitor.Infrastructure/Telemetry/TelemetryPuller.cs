using System.Text.Json;
using Azure.Identity;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Core.Telemetry.Sources;
using GapMonitor.Infrastructure.LogAnalytics;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// The first step of every sweep (and its own timer): for each system with telemetry, read what is new in its Azure ML
/// data-collector container and its Log Analytics workspace, fold rows into the open drift window and advance the
/// checkpoints in the same write, close windows that are due. A failing source is recorded on the state, never fatal.
/// For a system with <c>performance</c> settings the data collector's <c>model_outputs</c> are read too (see
/// <see cref="OutputsPrefix"/>): their columns are profiled into the window of their record time and their predictions
/// kept for the window's performance.
/// </summary>
public sealed class TelemetryPuller(
    ISystemStore systems,
    TelemetryIngestion ingestion,
    SignalIngestion signals,
    InferenceLogReader inferenceLogs,
    LogAnalyticsQueryClient? logAnalytics,
    TelemetrySourceAuthorization sourceAuthorization,
    PushedTelemetryFold pushed,
    TimeProvider timeProvider,
    ILogger<TelemetryPuller> logger,
    BlobCollector? blobCollector = null) : ITelemetryPuller
{
    /// <summary>Rows read per system per pull; the rest waits for the next pull (memory stays bounded).</summary>
    public const int MaxRowsPerPull = 200_000;
    private const int RowsPerRead = 20_000;

    /// <summary>
    /// Systems pulled at once: one system's downloads and storage round trips overlap another's parsing and drift
    /// comparison. Each system's state is its own ETag-guarded document, so systems never contend with each other.
    /// </summary>
    private const int SystemsAtOnce = 4;

    /// <summary>Log Analytics ingests with a delay of minutes: query only up to this long ago, so late records are not skipped.</summary>
    private static readonly TimeSpan IngestionLag = TimeSpan.FromMinutes(10);

    public Task<PullSummary> PullAsync(CancellationToken cancellationToken = default) => PullAsync(Core.Sweeping.Shards.SweepShard.All, cancellationToken);

    public async Task<PullSummary> PullAsync(Core.Sweeping.Shards.SweepShard shard, CancellationToken cancellationToken = default) =>
        (await PullSystemsAsync(shard, systems.ListRangeAsync(shard, cancellationToken), cancellationToken)) with { Pulled = null };

    /// <summary>As <see cref="PullAsync(Core.Sweeping.Shards.SweepShard, CancellationToken)"/>, and says which of the systems it worked on.</summary>
    public Task<PullSummary> PullAsync(Core.Sweeping.Shards.SweepShard shard, IReadOnlyList<SystemWithAlerts> systems, CancellationToken cancellationToken = default) =>
        PullSystemsAsync(shard, systems.ToAsyncEnumerable(), cancellationToken);

    /// <summary>
    /// Which systems of the shard have pushes and blobs to collect is read first, with a few listings for the whole
    /// shard (<see cref="ShardBlobCensus"/>), so a system with nothing to pull or collect costs no request at all.
    /// </summary>
    private async Task<PullSummary> PullSystemsAsync(Core.Sweeping.Shards.SweepShard shard, IAsyncEnumerable<SystemWithAlerts> listed, CancellationToken cancellationToken)
    {
        long pulled = 0;
        var failed = 0;
        var worked = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var census = await ReadCensusAsync(shard, cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = SystemsAtOnce, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(listed, options, async (entry, ct) =>
        {
            var system = entry.System;
            if (system.IsRetired)
            {
                return;
            }

            await CollectBlobsAsync(system.Id, census, ct);
            try
            {
                if (system.Telemetry is null && system.Signals.ReferenceVersion is null
                    && !(census?.HasPushes(system.Id) ?? await pushed.HasPushesAsync(system.Id, ct)))
                {
                    return;
                }

                worked[system.Id] = true;
                var delta = await ingestion.UpdateAsync(system, state => PullSystemAsync(system, state, ct), ct);
                Interlocked.Add(ref pulled, delta.Rows);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref failed);
                logger.LogError(ex, "Pulling telemetry of {SystemId} failed; the next pull retries", system.Id);
            }
        });

        return new PullSummary(pulled, failed) { Pulled = worked.Keys.ToHashSet(StringComparer.Ordinal) };
    }

    /// <summary>Null when a listing failed: then each system is asked on its own, as before.</summary>
    private async Task<ShardBlobCensus?> ReadCensusAsync(Core.Sweeping.Shards.SweepShard shard, CancellationToken cancellationToken)
    {
        try
        {
            return await ShardBlobCensus.ReadAsync(pushed.PushedContainer, blobCollector?.StateContainer, shard, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Retries that ran out end as an AggregateException or a timeout as well as a RequestFailedException.
            var error = ex is Azure.RequestFailedException failed ? $"{failed.Status} {failed.ErrorCode}" : ex.GetType().Name;
            logger.LogWarning("Listing the blobs of {Shard} failed ({Error}); each system's are read on their own", shard, error);
            return null;
        }
    }

    /// <summary>Orphan window blobs and old pushed blobs, at most daily per system; a failure waits for the next pull.</summary>
    private async Task CollectBlobsAsync(string systemId, ShardBlobCensus? census, CancellationToken cancellationToken)
    {
        try
        {
            if (blobCollector is not null)
            {
                if (census is not null)
                {
                    blobCollector.Learn(systemId, census);
                }

                await blobCollector.CollectAsync(systemId, cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Collecting old blobs of {SystemId} failed; the next pull retries", systemId);
        }
    }

    private async Task<TelemetryDelta> PullSystemAsync(MonitoredSystem system, TelemetryState state, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        state.LastPullAt = now;
        state.LastPullError = null;
        var delta = TelemetryDelta.None;
        var (logRefused, workspaceRefused) = await sourceAuthorization.CheckPullAsync(system, cancellationToken);
        if (system.Telemetry?.InferenceLog is { } log)
        {
            if (logRefused is { } refused)
            {
                Refuse(system, state, "Inference log", refused);
            }
            else
            {
                delta = await PullInferenceLogAsync(system.Id, log, state, system.Telemetry.DriftWindow, cancellationToken);
                if (PredictionExtraction.For(system) is { } extraction && OutputsPrefix(log.Prefix) is { } outputs)
                {
                    var latest = await PullOutputsAsync(system.Id, new InferenceLogSource(log.ContainerUri, outputs), extraction, state, system.Telemetry.DriftWindow, cancellationToken);
                    if (delta.ModelVersion is null && latest.ModelVersion is not null)
                    {
                        delta = delta with { ModelVersion = latest.ModelVersion, LatestRecordAt = latest.LatestRecordAt };
                    }
                }
            }
        }

        if (system.Telemetry?.LogAnalytics is { } workspace)
        {
            if (workspaceRefused is { } refused)
            {
                Refuse(system, state, "Log Analytics", refused);
            }
            else
            {
                await PullLogAnalyticsAsync(system, workspace, state, now, cancellationToken);
            }
        }

        return Combined(delta, await pushed.FoldAsync(system, state, cancellationToken));
    }

    /// <summary>Rows of both; the model version of the later one.</summary>
    private static TelemetryDelta Combined(TelemetryDelta pulled, TelemetryDelta pushed) =>
        new(pulled.Rows + pushed.Rows,
            pushed.ModelVersion is not null && (pulled.ModelVersion is null || pushed.LatestRecordAt >= pulled.LatestRecordAt) ? pushed.ModelVersion : pulled.ModelVersion,
            pushed.LatestRecordAt > pulled.LatestRecordAt || pulled.LatestRecordAt is null ? pushed.LatestRecordAt : pulled.LatestRecordAt);

    /// <summary>A source registered before the rules, or taken off the customer's list since, is not read at all.</summary>
    private void Refuse(MonitoredSystem system, TelemetryState state, string source, SourceRefusal refusal)
    {
        state.LastPullError = $"{source} not read: {refusal.Message}";
        logger.LogWarning("{Source} of {SystemId} not read: {Field} is not allowed", source, system.Id, refusal.Field);
    }

    /// <summary>
    /// The data collector writes a deployment's inputs under <c>…/model_inputs</c> and its outputs under the sibling
    /// <c>…/model_outputs</c>; null (outputs not read) when the inference log prefix does not end with <c>model_inputs</c>.
    /// </summary>
    public static string? OutputsPrefix(string inputsPrefix)
    {
        ArgumentNullException.ThrowIfNull(inputsPrefix);
        const string Inputs = "model_inputs";
        var prefix = inputsPrefix.Trim('/');
        return prefix == Inputs || prefix.EndsWith("/" + Inputs, StringComparison.Ordinal)
            ? string.Concat(prefix.AsSpan(0, prefix.Length - Inputs.Length), "model_outputs")
            : null;
    }

    private async Task<TelemetryDelta> PullInferenceLogAsync(string systemId, InferenceLogSettings settings, TelemetryState state, TimeSpan windowLength, CancellationToken cancellationToken)
    {
        var (rows, latestVersion, latestSeen) = await ReadLogAsync(
            systemId, "Inference log", new InferenceLogSource(settings.ContainerUri, settings.Prefix), state,
            s => s.InferenceLogCheckpoint, (s, checkpoint) => s.InferenceLogCheckpoint = checkpoint,
            result =>
            {
                Fold(systemId, state, windowLength, result.Rows);
                state.RecordsRead += result.Records;
                foreach (var (read, stats) in result.ModelVersions)
                {
                    if (stats.LastSeen is { } lastSeen && state.Windows.TryGetValue(TelemetryState.AlignedStart(lastSeen, windowLength), out var window))
                    {
                        window.CountModelVersion(TelemetryText.Truncate(read, TelemetryText.MaxModelVersion)!, stats.Records);
                    }
                }
            },
            cancellationToken);
        return new TelemetryDelta(rows, latestVersion, latestVersion is null ? null : latestSeen);
    }

    /// <summary>
    /// Reads what is new in <c>model_outputs</c> with its own checkpoint, advanced in the same write as the rows it
    /// covers. Output records are not counted in <see cref="TelemetryState.RecordsRead"/> nor per model version in the
    /// window: the input records of the same requests are. Returns the latest model version seen.
    /// </summary>
    private async Task<TelemetryDelta> PullOutputsAsync(string systemId, InferenceLogSource source, PredictionExtraction extraction, TelemetryState state, TimeSpan windowLength, CancellationToken cancellationToken)
    {
        var (_, latestVersion, latestSeen) = await ReadLogAsync(
            systemId, "Model outputs", source, state,
            s => s.OutputLogCheckpoint, (s, checkpoint) => s.OutputLogCheckpoint = checkpoint,
            result => FoldOutputs(systemId, extraction, state, windowLength, result.Rows),
            cancellationToken);
        return new TelemetryDelta(0, latestVersion, latestVersion is null ? null : latestSeen);
    }

    /// <summary>
    /// Reads a data-collector folder in slices up to <see cref="MaxRowsPerPull"/>, folding each slice and advancing its
    /// checkpoint in the same state; a failing read is recorded on the state and ends the pull of that folder, never thrown.
    /// </summary>
    /// <returns>Rows read, and the latest model version seen with when.</returns>
    private async Task<(long Rows, string? LatestVersion, DateTimeOffset LatestSeen)> ReadLogAsync(
        string systemId,
        string sourceName,
        InferenceLogSource source,
        TelemetryState state,
        Func<TelemetryState, string?> checkpointOf,
        Action<TelemetryState, string> storeCheckpoint,
        Action<InferenceLogReadResult> fold,
        CancellationToken cancellationToken)
    {
        long rows = 0;
        string? latestVersion = null;
        DateTimeOffset latestSeen = default;
        try
        {
            while (rows < MaxRowsPerPull)
            {
                var stored = checkpointOf(state);
                var checkpoint = stored is null ? null : JsonSerializer.Deserialize<InferenceLogCheckpoint>(stored);
                var result = await inferenceLogs.ReadNewAsync(source, checkpoint, RowsPerRead, timeProvider.GetUtcNow() + ClientTimes.MaxAhead, cancellationToken);
                fold(result);
                rows += result.RowCount;
                state.MalformedLines += result.MalformedLines;
                foreach (var (read, stats) in result.ModelVersions)
                {
                    if (stats.LastSeen is { } seen && seen >= latestSeen)
                    {
                        (latestSeen, latestVersion) = (seen, TelemetryText.Truncate(read, TelemetryText.MaxModelVersion));
                    }
                }

                storeCheckpoint(state, JsonSerializer.Serialize(result.Checkpoint));
                if (!result.HasMore)
                {
                    break;
                }
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            state.LastPullError = $"{sourceName}: {ex.Status} {ex.ErrorCode}";
            logger.LogWarning("Reading the {Source} of {SystemId} failed: {Status} {ErrorCode}", sourceName, systemId, ex.Status, ex.ErrorCode);
        }
        catch (AuthenticationFailedException ex)
        {
            NoToken(systemId, state, sourceName, ex);
        }

        return (rows, latestVersion, latestSeen);
    }

    /// <summary>
    /// Output rows are profiled into the window of their record time like inputs, but not counted in its rows (the
    /// input rows are), so an output column has as many values as there were outputs. Their predictions go into the
    /// window's predictions, identified by the row's correlation-id column or else the record's <c>correlationid</c>.
    /// </summary>
    private void FoldOutputs(string systemId, PredictionExtraction extraction, TelemetryState state, TimeSpan windowLength, InferenceRowBatch batch)
    {
        var admission = ColumnAdmission.For(state);
        var columns = batch.Columns.ToArray();
        var outputs = columns.Where(c => extraction.Reads(c.Key)).ToArray();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var cells = new List<KeyValuePair<string, OutputValue>>(outputs.Length);
        for (var i = 0; i < batch.Count; i++)
        {
            var window = state.WindowFor(batch.Times[i], windowLength, TelemetryIngestion.ServiceProfileSettings, countLate: false);
            if (window is null)
            {
                continue;
            }

            RowColumnsFold.Add(window.Profile, columns, i, admission, refused, state);

            cells.Clear();
            foreach (var (name, values) in outputs)
            {
                if (values[i].Kind != TelemetryValueKind.Missing)
                {
                    cells.Add(KeyValuePair.Create(name, new OutputValue(values[i].Kind, values[i].Number, values[i].Text)));
                }
            }

            extraction.Add(window, TelemetryState.AlignedStart(batch.Times[i], windowLength), cells, batch.CorrelationIds[i]);
        }

        if (refused.Count > 0)
        {
            logger.LogWarning("Ignored model-output values of {Columns} columns of {SystemId} past the column bounds", refused.Count, systemId);
        }
    }

    /// <summary>
    /// Each row goes to the window of its record time; rows of windows already closed are only counted as late. Columns
    /// past the system's column bounds are not profiled; their values are counted as ignored.
    /// </summary>
    private void Fold(string systemId, TelemetryState state, TimeSpan windowLength, InferenceRowBatch batch)
    {
        var admission = ColumnAdmission.For(state);
        var columns = batch.Columns.ToArray();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var ignoredBefore = state.IgnoredValues;
        for (var i = 0; i < batch.Count; i++)
        {
            var window = state.WindowFor(batch.Times[i], windowLength, TelemetryIngestion.ServiceProfileSettings);
            if (window is null)
            {
                continue;
            }

            RowColumnsFold.Add(window.Profile, columns, i, admission, refused, state);

            window.Profile.Rows++;
        }

        if (refused.Count > 0)
        {
            logger.LogWarning(
                "Ignored {Values} values of {Columns} columns of {SystemId} past the bounds of {MaxColumns} columns of at most {MaxNameLength} characters",
                state.IgnoredValues - ignoredBefore, refused.Count, systemId, ColumnAdmission.MaxColumns, ColumnAdmission.MaxNameLength);
        }
    }

    private async Task PullLogAnalyticsAsync(MonitoredSystem system, LogAnalyticsSettings settings, TelemetryState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (logAnalytics is null)
        {
            state.LastPullError = "Log Analytics is not available in this host.";
            return;
        }

        var until = now - IngestionLag;
        var start = system.HandoverAt > system.RegisteredAt ? system.RegisteredAt - TimeSpan.FromDays(1) : system.HandoverAt;
        var workspace = settings.WorkspaceId.ToString("D");
        try
        {
            var from = state.DeploymentsQueriedUntil ?? start;
            if (until > from)
            {
                await foreach (var slice in logAnalytics.QueryAllAsync(workspace, settings.DeploymentsQuery ?? DefaultQueries.Deployments, from, until, cancellationToken))
                {
                    foreach (var row in slice.Rows.Where(r => IsNotAhead(system.Id, r, now)))
                    {
                        var version = TelemetryText.Truncate(row.GetString(DefaultQueries.ModelVersionColumn), TelemetryText.MaxModelVersion);
                        if (!string.IsNullOrWhiteSpace(version))
                        {
                            await signals.RecordDeploymentAsync(
                                system,
                                version,
                                row.GetDateTimeOffset(DefaultQueries.TimeColumn),
                                TelemetryText.Truncate(row.GetString(DefaultQueries.EnvironmentColumn), TelemetryText.MaxEnvironment),
                                TelemetryText.Truncate(row.GetString(DefaultQueries.ByColumn), TelemetryText.MaxBy),
                                cancellationToken);
                        }
                    }
                }

                state.DeploymentsQueriedUntil = until;
            }

            from = state.MonitoringRunsQueriedUntil ?? start;
            if (until > from)
            {
                await foreach (var slice in logAnalytics.QueryAllAsync(workspace, settings.MonitoringRunsQuery ?? DefaultQueries.MonitoringRuns, from, until, cancellationToken))
                {
                    foreach (var row in slice.Rows.Where(r => IsNotAhead(system.Id, r, now)))
                    {
                        var status = string.Equals(row.GetString(DefaultQueries.StatusColumn), "ok", StringComparison.OrdinalIgnoreCase) ? HeartbeatStatus.Ok : HeartbeatStatus.Fail;
                        await signals.RecordHeartbeatAsync(system, status, row.GetDateTimeOffset(DefaultQueries.TimeColumn), TelemetryText.Truncate(row.GetString(DefaultQueries.MessageColumn), TelemetryText.MaxMessage), cancellationToken);
                    }
                }

                state.MonitoringRunsQueriedUntil = until;
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            state.LastPullError = $"Log Analytics: {ex.Status} {ex.ErrorCode}";
            logger.LogWarning("Querying Log Analytics for {SystemId} failed: {Status} {ErrorCode}", system.Id, ex.Status, ex.ErrorCode);
        }
        catch (AuthenticationFailedException ex)
        {
            NoToken(system.Id, state, "Log Analytics", ex);
        }
    }

    /// <summary>
    /// The service's credential found no identity or was refused (also <see cref="CredentialUnavailableException"/>). The
    /// state shows only the exception's type: its message can name identities and tenants, which the log alone keeps.
    /// </summary>
    private void NoToken(string systemId, TelemetryState state, string source, AuthenticationFailedException ex)
    {
        state.LastPullError = $"{source}: the service identity could not get a token ({ex.GetType().Name}; the service log has the details)";
        logger.LogWarning(ex, "{Source} of {SystemId} not read: the service identity could not get a token", source, systemId);
    }

    /// <summary>A query can return any time: one too far ahead would hide a lapse for years, so the row is skipped.</summary>
    private bool IsNotAhead(string systemId, LogRow row, DateTimeOffset now)
    {
        if (row.GetDateTimeOffset(DefaultQueries.TimeColumn) is { } at && ClientTimes.IsTooFarAhead(at, now))
        {
            logger.LogWarning("Skipped a Log Analytics row of {SystemId} timed {At}, ahead of the service's clock", systemId, at);
            return false;
        }

        return true;
    }
}
