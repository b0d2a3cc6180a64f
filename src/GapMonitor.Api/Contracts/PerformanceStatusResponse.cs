namespace GapMonitor.Api.Contracts;

/// <summary>The latest performance verdicts: <c>realized</c> (from labels) and <c>estimated</c> (label-free).</summary>
public sealed record PerformanceStatusResponse(PerformanceVerdictResponse? Realized, PerformanceVerdictResponse? Estimated);
