namespace GapMonitor.Drift;

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
