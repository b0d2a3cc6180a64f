using GapMonitor.Core.Performance;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// The stored form of <see cref="WindowPredictions"/>: one array per field rather than one object per row, so a window's
/// <see cref="WindowPredictions.MaxKept"/> rows stay compact. <see cref="Probabilities"/> is null when no row carried any;
/// NaN (a multiclass row without one class) needs <c>JsonNumberHandling.AllowNamedFloatingPointLiterals</c>.
/// </summary>
public sealed record WindowPredictionsDto(
    long Rows,
    ulong Seed,
    List<string> Classes,
    List<string?> Ids,
    List<string> Predictions,
    List<double[]?>? Probabilities,
    List<string?> Targets)
{
    public static WindowPredictionsDto From(WindowPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var kept = predictions.Kept;
        return new WindowPredictionsDto(
            predictions.Rows,
            predictions.Seed,
            predictions.ProbabilityClasses,
            [.. kept.Select(r => r.CorrelationId)],
            [.. kept.Select(r => r.Prediction)],
            kept.Any(r => r.Probabilities is not null) ? [.. kept.Select(r => r.Probabilities?.ToArray())] : null,
            [.. kept.Select(r => r.Target)]);
    }

    public WindowPredictions ToPredictions()
    {
        var kept = new List<PredictionRecord>(Predictions.Count);
        for (var i = 0; i < Predictions.Count; i++)
        {
            kept.Add(new PredictionRecord(Ids.ElementAtOrDefault(i), Predictions[i], Probabilities?.ElementAtOrDefault(i), Targets.ElementAtOrDefault(i)));
        }

        return new WindowPredictions { Rows = Rows, Seed = Seed, ProbabilityClasses = [.. Classes], Kept = kept };
    }
}
