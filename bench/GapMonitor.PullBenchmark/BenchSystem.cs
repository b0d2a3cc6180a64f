namespace GapMonitor.PullBenchmark;

/// <summary>One system: where its data collector writes and how many rows it wrote.</summary>
public sealed record BenchSystem(int Index, string Id, string Container, string Prefix, int Rows)
{
    public const int RowsPerRecord = 100;
    public const int RecordsPerFile = 10;

    /// <summary>Odd systems drift (shifted numbers, another category mix); even ones follow the reference.</summary>
    public bool Drifts => Index % 2 == 1;

    public int RowsInHour(int hour) => hour < Fleet.Hours - 1 ? Rows / Fleet.Hours : Rows - ((Fleet.Hours - 1) * (Rows / Fleet.Hours));

    public long Records => Enumerable.Range(0, Fleet.Hours).Sum(h => (long)Math.Ceiling(RowsInHour(h) / (double)RowsPerRecord));
}
