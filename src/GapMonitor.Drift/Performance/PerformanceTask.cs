namespace GapMonitor.Drift.Performance;

/// <summary>What the model predicts, which decides its metrics.</summary>
public enum PerformanceTask
{
    /// <summary>Two classes, 0 and 1; the probability is that of class 1.</summary>
    BinaryClassification,

    /// <summary>Several named classes, each with its own probability column.</summary>
    MulticlassClassification,

    /// <summary>A number.</summary>
    Regression,
}
