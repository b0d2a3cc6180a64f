using GapMonitor.Core.Telemetry;
namespace GapMonitor.Core.Ports;

/// <summary>Closed drift windows, newest first.</summary>
public interface IDriftWindowStore
{
    /// <summary>Idempotent: saving the same window again replaces it.</summary>
    Task SaveAsync(DriftWindowRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// The window of <paramref name="systemId"/> starting at <paramref name="windowStart"/>, with its
    /// <see cref="DriftWindowRecord.Distributions"/>; null when none was stored.
    /// </summary>
    Task<DriftWindowRecord?> GetAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> windows starting from <paramref name="from"/> to <paramref name="to"/>, newest first.
    /// Listed records carry no distributions (<see cref="DriftWindowRecord.Distributions"/> is null): read one window with
    /// <see cref="GetAsync"/> for its charts.
    /// </summary>
    Task<IReadOnlyList<DriftWindowRecord>> ListAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, int max, CancellationToken cancellationToken = default);

    /// <summary>A page of the windows starting from <paramref name="from"/> to <paramref name="to"/> (both inclusive), newest first;
    /// like <see cref="ListAsync"/>, without distributions.</summary>
    Task<ResultPage<DriftWindowRecord>> ListPageAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, PageRequest page, CancellationToken cancellationToken = default);
}
