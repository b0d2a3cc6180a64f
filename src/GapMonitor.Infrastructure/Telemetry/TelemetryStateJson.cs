using System.Text.Json;
using System.Text.Json.Serialization;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// The stored form of <see cref="TelemetryState"/>: the small things (checkpoints, counters, recent batches) and the
/// index of open and closing windows, each window by the name of its own blob (<see cref="WindowBlobCodec"/>).
/// Documents written before windows had blobs of their own embed each window's profile as JSON; they still read, and
/// their windows move to blobs at the next write.
/// </summary>
internal static class TelemetryStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The document for <paramref name="state"/>, its windows named by <paramref name="blobOf"/>.</summary>
    public static byte[] Serialize(TelemetryState state, long generation, Func<OpenWindow, string> blobOf) => JsonSerializer.SerializeToUtf8Bytes(
        new StateDto(
            [.. state.Windows.Select(w => new WindowDto(w.Key, Blob: blobOf(w.Value)))],
            state.ClosedThrough,
            state.LateRows,
            state.RecentBatchIds,
            state.InferenceLogCheckpoint,
            state.DeploymentsQueriedUntil,
            state.MonitoringRunsQueriedUntil,
            state.RecordsRead,
            state.MalformedLines,
            state.LastPullAt,
            state.LastPullError,
            [.. state.Closing.Select(c => new ClosingDto(c.Start, c.End, null, null, c.Attempts, c.RetryAt, c.LastError, Blob: blobOf(c.Window)))],
            state.IgnoredValues,
            state.OutputLogCheckpoint,
            state.RecentLabelBatches.Count == 0 ? null : [.. state.RecentLabelBatches],
            state.PushedLogCheckpoint,
            generation),
        Options);

    public static StoredDocument Read(BinaryData data) =>
        new(data.ToObjectFromJson<StateDto>(Options) ?? throw new JsonException("Empty telemetry state."));

    /// <summary>A read state document: the window blobs it names, then the state once they are loaded.</summary>
    internal sealed class StoredDocument(StateDto dto)
    {
        public long Generation => dto.Generation;

        public IEnumerable<string> WindowBlobs =>
            dto.Windows.Select(w => w.Blob).Concat((dto.Closing ?? []).Select(c => c.Blob)).OfType<string>();

        /// <summary>The state, with each window named by a blob taken from <paramref name="loaded"/> (embedded ones restored from their JSON).</summary>
        public TelemetryState ToState(IReadOnlyDictionary<string, OpenWindow> loaded)
        {
            var state = new TelemetryState
            {
                ClosedThrough = dto.ClosedThrough,
                LateRows = dto.LateRows,
                RecentBatchIds = [.. dto.RecentBatchIds],
                InferenceLogCheckpoint = dto.InferenceLogCheckpoint,
                DeploymentsQueriedUntil = dto.DeploymentsQueriedUntil,
                MonitoringRunsQueriedUntil = dto.MonitoringRunsQueriedUntil,
                RecordsRead = dto.RecordsRead,
                MalformedLines = dto.MalformedLines,
                LastPullAt = dto.LastPullAt,
                LastPullError = dto.LastPullError,
                IgnoredValues = dto.IgnoredValues,
                OutputLogCheckpoint = dto.OutputLogCheckpoint,
                RecentLabelBatches = [.. dto.LabelBatches ?? []],
                PushedLogCheckpoint = dto.PushedLogCheckpoint,
            };
            foreach (var window in dto.Windows)
            {
                state.Windows[window.Start] = Window(window.Blob, window.Profile, window.ModelVersions, window.Predictions, loaded);
            }

            foreach (var closing in dto.Closing ?? [])
            {
                state.Closing.Add(new ClosingWindow(closing.Start, closing.End, Window(closing.Blob, closing.Profile, closing.ModelVersions, closing.Predictions, loaded))
                {
                    Attempts = closing.Attempts,
                    RetryAt = closing.RetryAt,
                    LastError = closing.LastError,
                });
            }

            return state;
        }

        private static OpenWindow Window(
            string? blob, string? profile, Dictionary<string, long>? modelVersions, WindowPredictionsDto? predictions, IReadOnlyDictionary<string, OpenWindow> loaded)
        {
            if (blob is not null)
            {
                return loaded[blob];
            }

            return new(ProfileJson.DeserializeDataset(profile ?? throw new JsonException("A drift window has neither a blob nor a profile.")))
            {
                ModelVersions = new Dictionary<string, long>(modelVersions ?? [], StringComparer.Ordinal),
                Predictions = predictions?.ToPredictions(),
            };
        }
    }

    /// <summary>An open window: by its blob, or (documents written before) with its profile as JSON.</summary>
    internal sealed record WindowDto(DateTimeOffset Start, string? Profile = null, Dictionary<string, long>? ModelVersions = null, WindowPredictionsDto? Predictions = null, string? Blob = null);

    internal sealed record ClosingDto(
        DateTimeOffset Start, DateTimeOffset End, string? Profile, Dictionary<string, long>? ModelVersions, int Attempts, DateTimeOffset? RetryAt, string? LastError,
        WindowPredictionsDto? Predictions = null, string? Blob = null);

    internal sealed record StateDto(
        List<WindowDto> Windows,
        DateTimeOffset? ClosedThrough,
        long LateRows,
        List<string> RecentBatchIds,
        string? InferenceLogCheckpoint,
        DateTimeOffset? DeploymentsQueriedUntil,
        DateTimeOffset? MonitoringRunsQueriedUntil,
        long RecordsRead,
        long MalformedLines,
        DateTimeOffset? LastPullAt,
        string? LastPullError,
        List<ClosingDto>? Closing,
        long IgnoredValues,
        string? OutputLogCheckpoint = null,
        List<LabelOutcome>? LabelBatches = null,
        string? PushedLogCheckpoint = null,
        long Generation = 0);
}
