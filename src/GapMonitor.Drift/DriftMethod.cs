namespace GapMonitor.Drift;

/// <summary>How a column's drift is decided; names as in the drift report.</summary>
public enum DriftMethod
{
    /// <summary>Two-sample Kolmogorov–Smirnov test; drifted when p ≤ threshold.</summary>
    Ks,

    /// <summary>Wasserstein distance normed by the reference standard deviation; drifted when ≥ threshold.</summary>
    Wasserstein,

    /// <summary>Chi-square goodness of fit; drifted when p &lt; threshold.</summary>
    ChiSquare,

    /// <summary>Two-proportion Z-test; drifted when p &lt; threshold.</summary>
    ZTest,

    /// <summary>Jensen–Shannon distance on shares; drifted when ≥ threshold.</summary>
    JensenShannon,

    /// <summary>Population Stability Index on shares; drifted when ≥ threshold.</summary>
    Psi,
}
