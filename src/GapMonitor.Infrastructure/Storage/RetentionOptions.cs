namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// Section <c>GapMonitor:Retention</c> (env <c>GapMonitor__Retention__Days</c>, <c>__PushedDays</c>,
/// <c>__PushedMarkerDays</c>, <c>__DeletePushedBlobs</c>): how long history and raw pushed blobs are kept.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "GapMonitor:Retention";

    /// <summary>Resolved alerts, finished notifications, attempts, audit entries, heartbeats and deployments older than this are deleted.</summary>
    public int Days { get; set; } = 400;

    /// <summary>Pushed data blobs (<c>pushed/</c>) unchanged for this long are deleted; the pull folds them within minutes.</summary>
    public int PushedDays { get; set; } = 7;

    /// <summary>
    /// Batch-id markers (<c>pushed-batches/</c>) unchanged for this long are deleted; at least <see cref="PushedDays"/>.
    /// A batch id sent again within both horizons answers "duplicate".
    /// </summary>
    public int PushedMarkerDays { get; set; } = 30;

    /// <summary>
    /// Whether the service deletes old pushed blobs itself (the standalone host); on Azure the storage account's
    /// lifecycle management policy does it and the deployment turns this off.
    /// </summary>
    public bool DeletePushedBlobs { get; set; } = true;

    public bool IsValid => Days is >= 1 and <= 3650 && PushedDays is >= 1 and <= 3650 && PushedMarkerDays >= PushedDays && PushedMarkerDays <= 3650;
}
