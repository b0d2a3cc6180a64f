using GapMonitor.Drift.Performance;

namespace GapMonitor.Cli.Performance;

/// <summary>Which columns of the CSV files hold the model's outputs and the truth.</summary>
/// <param name="Task">The model's task.</param>
/// <param name="Prediction">The predicted class or value.</param>
/// <param name="Probability">Binary: the probability of class 1.</param>
/// <param name="ProbabilityPrefix">Multiclass: probability columns are this prefix followed by the class label.</param>
/// <param name="Target">The true class or value.</param>
internal sealed record PerformanceColumns(PerformanceTask Task, string Prediction, string? Probability, string? ProbabilityPrefix, string? Target);
