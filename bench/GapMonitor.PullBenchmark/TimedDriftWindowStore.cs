using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.PullBenchmark;

/// <summary>The real drift window store, its writes timed (<see cref="Phases"/>).</summary>
public sealed class TimedDriftWindowStore(IDriftWindowStore inner) : IDriftWindowStore
{
    public Task SaveAsync(DriftWindowRecord record, CancellationToken cancellationToken = default) =>
        Phases.TimeAsync(Phases.Phase.WindowStore, () => inner.SaveAsync(record, cancellationToken));

    public Task<DriftWindowRecord?> GetAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default) =>
        inner.GetAsync(systemId, windowStart, cancellationToken);

    public Task<IReadOnlyList<DriftWindowRecord>> ListAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, int max, CancellationToken cancellationToken = default) =>
        inner.ListAsync(systemId, from, to, max, cancellationToken);

    public Task<ResultPage<DriftWindowRecord>> ListPageAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.ListPageAsync(systemId, from, to, page, cancellationToken);
}
