using GapMonitor.Core.Silences;

namespace GapMonitor.Core.Ports;

/// <summary>Read side of silences (writes go through <see cref="ISystemStore.ApplyAsync"/>, with the system row).</summary>
public interface ISilenceStore
{
    Task<Silence?> GetAsync(string silenceId, CancellationToken cancellationToken = default);

    /// <summary>A page of the silences <paramref name="query"/> selects, by system, then oldest first.</summary>
    Task<ResultPage<Silence>> ListPageAsync(SilenceQuery query, PageRequest page, CancellationToken cancellationToken = default);
}
