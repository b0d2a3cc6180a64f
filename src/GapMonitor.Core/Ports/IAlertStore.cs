using GapMonitor.Core.Alerts;

namespace GapMonitor.Core.Ports;

/// <summary>Read side of alerts (writes go through <see cref="ISystemStore.ApplyAsync"/>).</summary>
public interface IAlertStore
{
    Task<AlertWithHistory?> GetAsync(string alertId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Alert> QueryAsync(AlertQuery query, CancellationToken cancellationToken = default);
}
