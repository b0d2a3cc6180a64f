using GapMonitor.Core.Telemetry;
namespace GapMonitor.Core.Ports;

/// <summary>Closed drift windows, newest first.</summary>
public interface IDriftWindowStore
{
    /// <summary>Idempotent: saving the same window again replaces it.</summary>
    Task SaveAsync(DriftWindowRecord record, CancellationToken cancellationToken = default);

    /// <summary>The window of <paramref name="systemId"/> starting at <paramref name="windowStart"/>; null when none was stored.</summary>
    Task<DriftWindowRecord?> GetAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DriftWindowRecord>> ListAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, int max, CancellationToken cancellationToken = default);

    /// <summary>A page of the windows starting from <paramref name="from"/> to <paramref name="to"/> (both inclusive), newest first.</summary>
    Task<ResultPage<DriftWindowRecord>> ListPageAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, PageRequest page, CancellationToken cancellationToken = default);
}
