using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Performance;

/// <summary>The <c>performance</c> of a closed window: realized metrics once labels arrived, label-free estimates, and the alerts they raise.</summary>
/// <param name="Rows">Rows with model outputs in the window.</param>
/// <param name="LabeledRows">Kept rows with a target.</param>
/// <param name="Realized">Every metric of the task on the labeled rows; null until a row has a label.</param>
/// <param name="Estimated">Label-free estimates; null for regression, without probabilities, or without a calibrated reference.</param>
/// <param name="Thresholds">The thresholds the metrics were judged by.</param>
/// <param name="Alerts">Alerting metrics outside their thresholds.</param>
/// <param name="Note">Why something is missing (no reference, reference without the model's columns…).</param>
public sealed record WindowPerformance(
    long Rows,
    long LabeledRows,
    IReadOnlyDictionary<string, double?>? Realized,
    IReadOnlyDictionary<string, double?>? Estimated,
    IReadOnlyDictionary<string, MetricThreshold> Thresholds,
    IReadOnlyList<PerformanceAlert> Alerts,
    string? Note);
