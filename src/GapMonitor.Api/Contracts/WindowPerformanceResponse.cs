using System.Text.Json.Serialization;

namespace GapMonitor.Api.Contracts;

/// <summary>The <c>performance</c> of a closed drift window: its model outputs judged realized (with labels) and estimated (without).</summary>
/// <param name="Rows">Rows with model outputs in the window.</param>
/// <param name="LabeledRows">Kept rows with a target (in the row or from posted labels).</param>
/// <param name="Realized">Every metric of the task on the labeled rows; null until a row has a label.</param>
/// <param name="Estimated">Label-free estimates (classification with probabilities and a calibrated reference); else null.</param>
/// <param name="Thresholds">The band of each metric: given in the system's settings, else from reference chunks.</param>
/// <param name="Alerts">Alerting metrics outside their band; realized ones open <c>performance-degraded</c>, estimated ones <c>performance-at-risk</c>.</param>
/// <param name="Note">Why something is missing (no reference, reference without the model's columns…).</param>
public sealed record WindowPerformanceResponse(
    long Rows,
    long LabeledRows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyDictionary<string, double?>? Realized,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyDictionary<string, double?>? Estimated,
    IReadOnlyDictionary<string, MetricThresholdResponse> Thresholds,
    IReadOnlyList<PerformanceAlertResponse> Alerts,
    string? Note);
