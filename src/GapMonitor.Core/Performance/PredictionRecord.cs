namespace GapMonitor.Core.Performance;

/// <summary>
/// One row's model output, kept so a late label can join it. Class labels are text as the model wrote them (numbers in
/// invariant form, so 1 and 1.0 are "1"); a regression prediction and target are numbers in invariant "R" form.
/// </summary>
/// <param name="CorrelationId">The id labels join on; null when the row had none (it can only be labeled in the same row).</param>
/// <param name="Prediction">The predicted class or value.</param>
/// <param name="Probabilities">
/// Binary: one value, P(class 1). Multiclass: aligned with <see cref="WindowPredictions.ProbabilityClasses"/> as they
/// were when the row came (NaN for a class the row lacks). Null when the row carried none.
/// </param>
/// <param name="Target">The true class or value, once known.</param>
public sealed record PredictionRecord(string? CorrelationId, string Prediction, IReadOnlyList<double>? Probabilities, string? Target);
