using GapMonitor.Core.Performance;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Telemetry;

/// <summary>
/// Per-system telemetry state: the open drift windows (by record time) and the source checkpoints, kept in one document
/// written with its ETag, so folding rows and advancing a checkpoint happen together — nothing counted twice or skipped.
/// Its size is bounded whatever arrives: at most <see cref="MaxOpenWindows"/> open windows and as many windows still to
/// close, of bounded profiles with at most <see cref="ColumnAdmission.MaxColumns"/> columns.
/// </summary>
public sealed class TelemetryState
{
    public const int MaxRememberedBatchIds = 1000;
    public const int MaxOpenWindows = 48;
    public const int MaxRememberedLabelBatches = 1000;

    /// <summary>Open windows by start time.</summary>
    public SortedDictionary<DateTimeOffset, OpenWindow> Windows { get; init; } = [];

    /// <summary>Start of the newest window already closed; rows older than its end are late and only counted.</summary>
    public DateTimeOffset? ClosedThrough { get; set; }

    public long LateRows { get; set; }

    /// <summary>Ended windows whose close failed, oldest first; tried again on later updates.</summary>
    public List<ClosingWindow> Closing { get; init; } = [];

    /// <summary>Pulled values of columns past <see cref="ColumnAdmission.MaxColumns"/> (or with too long a name), not profiled.</summary>
    public long IgnoredValues { get; set; }

    /// <summary>Batch ids remembered by state documents written before pushes went to the pushed-telemetry log; kept so they load.</summary>
    public List<string> RecentBatchIds { get; init; } = [];

    /// <summary>Recently applied label batches with their outcome (oldest first, bounded) so a repeated batch changes nothing and answers the same.</summary>
    public List<LabelOutcome> RecentLabelBatches { get; init; } = [];

    /// <summary>Opaque checkpoint of the inference log reader.</summary>
    public string? InferenceLogCheckpoint { get; set; }

    /// <summary>Opaque checkpoint of the reader of the data collector's <c>model_outputs</c> (systems with <c>performance</c> settings).</summary>
    public string? OutputLogCheckpoint { get; set; }

    /// <summary>Opaque checkpoint of the reader of the service's pushed-telemetry log (same layout and rules as the inference log).</summary>
    public string? PushedLogCheckpoint { get; set; }

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

    /// <summary>The open window a record at <paramref name="at"/> belongs to, or null when that window is already closed.</summary>
    /// <param name="countLate">False for model-output rows, which the late input rows of the same requests already count.</param>
    public OpenWindow? WindowFor(DateTimeOffset at, TimeSpan length, ProfileSettings settings, bool countLate = true)
    {
        var start = AlignedStart(at, length);
        if (ClosedThrough is { } closed && start <= closed)
        {
            LateRows += countLate ? 1 : 0;
            return null;
        }

        if (!Windows.TryGetValue(start, out var window))
        {
            window = new OpenWindow(new DatasetProfile(settings));
            Windows[start] = window;
        }

        return window;
    }

    public long OpenRows => Windows.Values.Sum(w => w.Profile.Rows);

    public bool HasBatch(string batchId) => RecentBatchIds.Contains(batchId, StringComparer.Ordinal);

    /// <summary>Adds a batch id the caller found new (<see cref="HasBatch"/>), forgetting the oldest beyond the bound.</summary>
    public void RememberBatch(string batchId)
    {
        RecentBatchIds.Add(batchId);
        if (RecentBatchIds.Count > MaxRememberedBatchIds)
        {
            RecentBatchIds.RemoveAt(0);
        }
    }

    public LabelOutcome? LabelBatch(string batchId) => RecentLabelBatches.Find(b => string.Equals(b.BatchId, batchId, StringComparison.Ordinal));

    /// <summary>Remembers an applied label batch (the caller found it new: <see cref="LabelBatch"/>), forgetting the oldest beyond the bound.</summary>
    public void RememberLabelBatch(LabelOutcome outcome)
    {
        RecentLabelBatches.Add(outcome);
        if (RecentLabelBatches.Count > MaxRememberedLabelBatches)
        {
            RecentLabelBatches.RemoveAt(0);
        }
    }
}
