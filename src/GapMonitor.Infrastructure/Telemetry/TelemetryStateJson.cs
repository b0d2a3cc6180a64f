using System.Text.Json;
using System.Text.Json.Serialization;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>The stored form of <see cref="TelemetryState"/>: the window profile in its own JSON form, the rest alongside.</summary>
internal static class TelemetryStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static byte[] Serialize(TelemetryState state) => JsonSerializer.SerializeToUtf8Bytes(
        new StateDto(
            [.. state.Windows.Select(w => new WindowDto(w.Key, ProfileJson.Serialize(w.Value.Profile), w.Value.ModelVersions, Predictions(w.Value)))],
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
            [.. state.Closing.Select(c => new ClosingDto(c.Start, c.End, ProfileJson.Serialize(c.Window.Profile), c.Window.ModelVersions, c.Attempts, c.RetryAt, c.LastError, Predictions(c.Window)))],
            state.IgnoredValues,
            state.OutputLogCheckpoint,
            state.RecentLabelBatches.Count == 0 ? null : [.. state.RecentLabelBatches],
            state.PushedLogCheckpoint),
        Options);

    public static TelemetryState Deserialize(BinaryData data)
    {
        var dto = data.ToObjectFromJson<StateDto>(Options) ?? throw new JsonException("Empty telemetry state.");
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
            state.Windows[window.Start] = Window(window.Profile, window.ModelVersions, window.Predictions);
        }

        foreach (var closing in dto.Closing ?? [])
        {
            state.Closing.Add(new ClosingWindow(closing.Start, closing.End, Window(closing.Profile, closing.ModelVersions, closing.Predictions))
            {
                Attempts = closing.Attempts,
                RetryAt = closing.RetryAt,
                LastError = closing.LastError,
            });
        }

        return state;
    }

    private static OpenWindow Window(string profile, Dictionary<string, long> modelVersions, WindowPredictionsDto? predictions) => new(ProfileJson.DeserializeDataset(profile))
    {
        ModelVersions = new Dictionary<string, long>(modelVersions, StringComparer.Ordinal),
        Predictions = predictions?.ToPredictions(),
    };

    private static WindowPredictionsDto? Predictions(OpenWindow window) => window.Predictions is { } predictions ? WindowPredictionsDto.From(predictions) : null;

    private sealed record WindowDto(DateTimeOffset Start, string Profile, Dictionary<string, long> ModelVersions, WindowPredictionsDto? Predictions = null);

    private sealed record ClosingDto(DateTimeOffset Start, DateTimeOffset End, string Profile, Dictionary<string, long> ModelVersions, int Attempts, DateTimeOffset? RetryAt, string? LastError, WindowPredictionsDto? Predictions = null);

    private sealed record StateDto(
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
        string? PushedLogCheckpoint = null);
}
