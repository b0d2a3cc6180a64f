using GapMonitor.Core.Alerts;

namespace GapMonitor.Core.Ports;

/// <summary>Read side of alerts (writes go through <see cref="ISystemStore.ApplyAsync"/>).</summary>
public interface IAlertStore
{
    Task<AlertWithHistory?> GetAsync(string alertId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Alert> QueryAsync(AlertQuery query, CancellationToken cancellationToken = default);

    /// <summary>A page of the alerts <paramref name="query"/> selects, newest first by opening time (then id).</summary>
    Task<ResultPage<Alert>> ListPageAsync(AlertQuery query, PageRequest page, CancellationToken cancellationToken = default);
}
