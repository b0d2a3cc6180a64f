namespace GapMonitor.Drift;

/// <summary>A test statistic with its p-value.</summary>
/// <param name="Statistic">The test statistic (KS D, chi-square χ², or Z).</param>
/// <param name="PValue">The p-value, exact to scipy 1.10 (see the package README).</param>
public readonly record struct TestResult(double Statistic, double PValue);
