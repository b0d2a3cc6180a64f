using System.Text.Json;
using GapMonitor.Core.Drift.Profiles;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>The stored form of <see cref="TelemetryState"/>: the window profile in its own JSON form, the rest alongside.</summary>
internal static class TelemetryStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize(TelemetryState state) => JsonSerializer.SerializeToUtf8Bytes(
        new StateDto(
            [.. state.Windows.Select(w => new WindowDto(w.Key, ProfileJson.Serialize(w.Value.Profile), w.Value.ModelVersions))],
            state.ClosedThrough,
            state.LateRows,
            state.RecentBatchIds,
            state.InferenceLogCheckpoint,
            state.DeploymentsQueriedUntil,
            state.MonitoringRunsQueriedUntil,
            state.RecordsRead,
            state.MalformedLines,
            state.LastPullAt,
            state.LastPullError),
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
        };
        foreach (var window in dto.Windows)
        {
            state.Windows[window.Start] = new OpenWindow(ProfileJson.DeserializeDataset(window.Profile))
            {
                ModelVersions = new Dictionary<string, long>(window.ModelVersions, StringComparer.Ordinal),
            };
        }

        return state;
    }

    private sealed record WindowDto(DateTimeOffset Start, string Profile, Dictionary<string, long> ModelVersions);

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
        string? LastPullError);
}
