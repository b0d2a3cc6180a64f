namespace GapMonitor.Core.Systems;

/// <param name="DriftedColumns">The first drifted column names (the system row keeps a bounded number; the window keeps all).</param>
/// <param name="CleanStreak">Consecutive closed windows without dataset drift.</param>
/// <param name="DriftedColumnCount">How many columns drifted in all (0 in rows stored before it was kept: then the names count).</param>
public sealed record DriftSignal(
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    bool DatasetDrift,
    IReadOnlyList<string> DriftedColumns,
    double DriftShare,
    int CleanStreak,
    int DriftedColumnCount = 0)
{
    public int DriftedCount => Math.Max(DriftedColumnCount, DriftedColumns.Count);
}
