using GapMonitor.Core.Drift.Profiles;

namespace GapMonitor.Core.Telemetry;

/// <summary>
/// Per-system telemetry state: the open drift window's profile plus the source checkpoints. Kept in one document and
/// written with its ETag, so folding rows and advancing a checkpoint happen together — nothing counted twice or skipped.
/// Its size is bounded by the profile settings, not by how much telemetry arrives.
/// </summary>
public sealed class TelemetryState
{
    public const int MaxRememberedBatchIds = 1000;

    public required DateTimeOffset WindowStart { get; set; }

    public required DatasetProfile Window { get; set; }

    /// <summary>Model versions seen in the open window, with record counts.</summary>
    public Dictionary<string, long> ModelVersions { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Recently accepted push batch ids (oldest first, bounded) so a repeated push changes nothing.</summary>
    public List<string> RecentBatchIds { get; init; } = [];

    /// <summary>Opaque checkpoint of the inference log reader.</summary>
    public string? InferenceLogCheckpoint { get; set; }

    public DateTimeOffset? DeploymentsQueriedUntil { get; set; }

    public DateTimeOffset? MonitoringRunsQueriedUntil { get; set; }

    public long RecordsRead { get; set; }

    public long MalformedLines { get; set; }

    public DateTimeOffset? LastPullAt { get; set; }

    public string? LastPullError { get; set; }

    public static DateTimeOffset AlignedStart(DateTimeOffset at, TimeSpan window)
    {
        var ticks = at.UtcTicks - (at.UtcTicks % window.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public static TelemetryState New(DateTimeOffset now, TimeSpan window, ProfileSettings settings) =>
        new() { WindowStart = AlignedStart(now, window), Window = new DatasetProfile(settings) };

    public bool RememberBatch(string batchId)
    {
        if (RecentBatchIds.Contains(batchId, StringComparer.Ordinal))
        {
            return false;
        }

        RecentBatchIds.Add(batchId);
        if (RecentBatchIds.Count > MaxRememberedBatchIds)
        {
            RecentBatchIds.RemoveAt(0);
        }

        return true;
    }
}
