namespace GapMonitor.Drift.Performance;

/// <summary>The performance of the current rows.</summary>
/// <param name="Rows">Rows with model outputs.</param>
/// <param name="LabeledRows">Rows with a target.</param>
/// <param name="Realized">Every metric of the task on the labeled rows (null when undefined); null when no row has a target.</param>
/// <param name="Estimated">Label-free estimates (classification with probabilities and a calibrated reference); else null.</param>
public sealed record CurrentPerformance(
    long Rows,
    long LabeledRows,
    IReadOnlyDictionary<string, double?>? Realized,
    IReadOnlyDictionary<string, double?>? Estimated);
