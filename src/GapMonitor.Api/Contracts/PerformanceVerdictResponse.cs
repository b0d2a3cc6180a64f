namespace GapMonitor.Api.Contracts;

/// <summary>The latest window judged on one source of performance.</summary>
/// <param name="Rows">Labeled rows (realized) or rows (estimated) the metrics were computed on.</param>
/// <param name="Breaches">Alerting metrics outside their band in that window.</param>
/// <param name="CleanStreak">Consecutive windows without a breach, up to and including that one.</param>
public sealed record PerformanceVerdictResponse(DateTimeOffset WindowStart, DateTimeOffset WindowEnd, long Rows, IReadOnlyList<MetricBreachResponse> Breaches, int CleanStreak);
