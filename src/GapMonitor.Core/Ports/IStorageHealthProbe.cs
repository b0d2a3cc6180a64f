namespace GapMonitor.Core.Ports;

/// <summary>Whether the service's own storage answers, for the health check.</summary>
public interface IStorageHealthProbe
{
    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);
}
