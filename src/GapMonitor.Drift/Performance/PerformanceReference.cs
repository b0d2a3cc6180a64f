namespace GapMonitor.Drift.Performance;

/// <summary>
/// What a reference dataset teaches about the model: its metrics, the thresholds from its chunks, and the calibration
/// the label-free estimates need. Fitted once per reference (<see cref="PerformanceCalculator.Fit"/>) and reused for
/// every window; <see cref="PerformanceReferenceJson"/> stores it.
/// </summary>
/// <param name="Task">The model's task.</param>
/// <param name="Classes">The classes of the reference (classification), probability classes first.</param>
/// <param name="Rows">Rows of the reference.</param>
/// <param name="Chunks">Whole chunks of <see cref="PerformanceOptions.ChunkRows"/> rows the thresholds come from.</param>
/// <param name="Metrics">Realized metrics of the whole reference (every metric of the task; null when undefined).</param>
/// <param name="Thresholds">Thresholds by metric: given ones, else derived from the chunks (none with fewer than 2 chunks).</param>
/// <param name="Calibration">Per probability class, its calibrator (binary: one, for class 1); empty when the reference has no probabilities or no labels.</param>
public sealed record PerformanceReference(
    PerformanceTask Task,
    IReadOnlyList<string> Classes,
    long Rows,
    int Chunks,
    IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyDictionary<string, MetricThreshold> Thresholds,
    IReadOnlyList<IsotonicCalibrator> Calibration);
