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
            state.WindowStart,
            ProfileJson.Serialize(state.Window),
            state.ModelVersions,
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
        return new TelemetryState
        {
            WindowStart = dto.WindowStart,
            Window = ProfileJson.DeserializeDataset(dto.WindowProfile),
            ModelVersions = new Dictionary<string, long>(dto.ModelVersions, StringComparer.Ordinal),
            RecentBatchIds = [.. dto.RecentBatchIds],
            InferenceLogCheckpoint = dto.InferenceLogCheckpoint,
            DeploymentsQueriedUntil = dto.DeploymentsQueriedUntil,
            MonitoringRunsQueriedUntil = dto.MonitoringRunsQueriedUntil,
            RecordsRead = dto.RecordsRead,
            MalformedLines = dto.MalformedLines,
            LastPullAt = dto.LastPullAt,
            LastPullError = dto.LastPullError,
        };
    }

    private sealed record StateDto(
        DateTimeOffset WindowStart,
        string WindowProfile,
        Dictionary<string, long> ModelVersions,
        List<string> RecentBatchIds,
        string? InferenceLogCheckpoint,
        DateTimeOffset? DeploymentsQueriedUntil,
        DateTimeOffset? MonitoringRunsQueriedUntil,
        long RecordsRead,
        long MalformedLines,
        DateTimeOffset? LastPullAt,
        string? LastPullError);
}
