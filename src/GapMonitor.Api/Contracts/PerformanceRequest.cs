namespace GapMonitor.Api.Contracts;

/// <summary>The model's task and output columns (API.md "Concept drift: model performance"); <c>labelWait</c> is an ISO 8601 duration.</summary>
/// <param name="Task">"binary-classification", "multiclass-classification" or "regression".</param>
/// <param name="Prediction">The column with the predicted class or value.</param>
/// <param name="Probability">Binary only: the column with the probability of class 1.</param>
/// <param name="ProbabilityPrefix">Multiclass only: probability columns are this prefix followed by the class label.</param>
/// <param name="Target">The column with the true value.</param>
/// <param name="CorrelationId">The column joining inputs, outputs and late labels (default "correlationid").</param>
/// <param name="Metrics">Metrics of the task that raise alerts (default: roc_auc, accuracy or mae by task).</param>
/// <param name="ChunkRows">Rows per reference chunk thresholds are derived from (10 to 1,000,000; default 500).</param>
/// <param name="Thresholds">Given thresholds by metric; they replace the ones derived from reference chunks.</param>
/// <param name="LabelWait">How long after a window closed labels still update it (P1D to P365D; default P30D).</param>
public sealed record PerformanceRequest(
    string? Task,
    string? Prediction,
    string? Probability = null,
    string? ProbabilityPrefix = null,
    string? Target = null,
    string? CorrelationId = null,
    IReadOnlyList<string>? Metrics = null,
    int? ChunkRows = null,
    IReadOnlyDictionary<string, PerformanceThresholdRequest?>? Thresholds = null,
    string? LabelWait = null);
