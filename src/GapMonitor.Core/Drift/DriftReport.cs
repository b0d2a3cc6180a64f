using GapMonitor.Core.Drift.Statistics;

namespace GapMonitor.Core.Drift;

/// <summary>Whether a column was compared as numbers or as categories.</summary>
public enum ColumnType
{
    /// <summary>Every non-missing value is a number.</summary>
    Numeric,

    /// <summary>Values are compared as categories.</summary>
    Categorical,
}

/// <summary>The statistics computed for a column; which ones are present depends on its type and distinct values.</summary>
public sealed record DriftStatistics
{
    /// <summary>Numeric columns.</summary>
    public TestResult? Ks { get; init; }

    /// <summary>Numeric columns: Wasserstein-1 distance.</summary>
    public double? Wasserstein { get; init; }

    /// <summary>Numeric columns: Wasserstein / max(reference population std, 0.001).</summary>
    public double? WassersteinNormed { get; init; }

    /// <summary>Categorical columns, and numeric ones with at most 5 distinct values.</summary>
    public TestResult? ChiSquare { get; init; }

    /// <summary>Columns with at most 2 distinct values.</summary>
    public TestResult? ZTest { get; init; }

    /// <summary>Population Stability Index on shares.</summary>
    public double Psi { get; init; }

    /// <summary>Jensen–Shannon distance on shares.</summary>
    public double JensenShannon { get; init; }
}

/// <summary>Missing values (empty, NaN, ±Inf) left out of every statistic.</summary>
public sealed record MissingCounts(long Reference, long Current);

/// <summary>The drift verdict for one column.</summary>
public sealed record ColumnDrift(
    string Name,
    ColumnType Type,
    DriftMethod Method,
    double Score,
    double Threshold,
    bool Drifted,
    DriftStatistics Statistics,
    MissingCounts Missing);

/// <summary>A column that could not be compared, and why.</summary>
public sealed record SkippedColumn(string Name, string Reason, MissingCounts? Missing = null);

/// <summary>Drift of a current dataset against a reference dataset.</summary>
public sealed record DriftReport(
    long ReferenceRows,
    long CurrentRows,
    IReadOnlyList<ColumnDrift> Columns,
    IReadOnlyList<SkippedColumn> Skipped,
    int DriftedColumns,
    double DriftShare,
    bool DatasetDrift);
