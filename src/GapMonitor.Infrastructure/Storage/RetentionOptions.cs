namespace GapMonitor.Infrastructure.Storage;

/// <summary>Section <c>GapMonitor:Retention</c> (env <c>GapMonitor__Retention__Days</c>): how long history is kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "GapMonitor:Retention";

    /// <summary>Resolved alerts, finished notifications, attempts, audit entries, heartbeats and deployments older than this are deleted.</summary>
    public int Days { get; set; } = 400;

    public bool IsValid => Days is >= 1 and <= 3650;
}
