namespace GapMonitor.Core.Systems;

/// <summary>
/// The latest performance verdicts: <see cref="Realized"/> (from labels) opens <c>performance-degraded</c>,
/// <see cref="Estimated"/> (label-free) opens <c>performance-at-risk</c>.
/// </summary>
public sealed record PerformanceSignal(PerformanceJudgment? Realized, PerformanceJudgment? Estimated);
