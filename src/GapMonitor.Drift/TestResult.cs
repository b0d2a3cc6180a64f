namespace GapMonitor.Drift;

/// <summary>A test statistic with its p-value.</summary>
public readonly record struct TestResult(double Statistic, double PValue);
