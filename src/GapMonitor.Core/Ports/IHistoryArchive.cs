namespace GapMonitor.Core.Ports;

/// <summary>
/// Keeps history (resolved alerts, finished notifications and their attempts, audit entries) out of the live rows the
/// sweep and delivery scan, and deletes it once it is older than the retention period.
/// </summary>
public interface IHistoryArchive
{
    /// <summary>Moves the finished history of these systems out of their live rows (one partition query each when there is nothing to move).</summary>
    Task MoveHistoryAsync(IReadOnlyCollection<string> systemIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// At most once a day across all instances: moves any history left in the live rows and deletes history and
    /// signals older than the retention period. Returns whether this call ran it.
    /// </summary>
    Task<bool> RunDailyHousekeepingAsync(CancellationToken cancellationToken = default);
}
