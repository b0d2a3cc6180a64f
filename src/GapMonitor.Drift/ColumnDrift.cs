namespace GapMonitor.Drift;

/// <summary>The drift verdict for one column.</summary>
public sealed record ColumnDrift
{
    internal ColumnDrift(
        string name, ColumnType type, DriftMethod method, double score, double threshold, bool drifted, DriftStatistics statistics, MissingCounts missing)
    {
        Name = name;
        Type = type;
        Method = method;
        Score = score;
        Threshold = threshold;
        Drifted = drifted;
        Statistics = statistics;
        Missing = missing;
    }

    /// <summary>The column name.</summary>
    public string Name { get; init; }

    /// <summary>Whether the column was compared as numbers or as categories.</summary>
    public ColumnType Type { get; init; }

    /// <summary>The method that decided <see cref="Drifted"/>: Evidently's default for the column, or the override.</summary>
    public DriftMethod Method { get; init; }

    /// <summary>The method's value: a p-value for the tests, a distance or index otherwise.</summary>
    public double Score { get; init; }

    /// <summary>The threshold applied to <see cref="Score"/>: the override, or the method's default.</summary>
    public double Threshold { get; init; }

    /// <summary>The verdict, by <see cref="DriftMethods.IsDrifted"/>.</summary>
    public bool Drifted { get; init; }

    /// <summary>Every statistic computed for the column, the one behind <see cref="Score"/> included.</summary>
    public DriftStatistics Statistics { get; init; }

    /// <summary>Missing values left out on each side.</summary>
    public MissingCounts Missing { get; init; }
}
