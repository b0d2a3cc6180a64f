namespace GapMonitor.Api.Contracts;

/// <summary>The <c>performance</c> part of a system with its defaults filled in.</summary>
/// <param name="Metrics">The metrics that raise alerts (the task's default when none were given).</param>
public sealed record PerformanceResponse(
    string Task,
    string Prediction,
    string? Probability,
    string? ProbabilityPrefix,
    string? Target,
    string CorrelationId,
    IReadOnlyList<string> Metrics,
    int ChunkRows,
    IReadOnlyDictionary<string, PerformanceThresholdRequest> Thresholds,
    string LabelWait);
