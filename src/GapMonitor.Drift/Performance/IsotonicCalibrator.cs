namespace GapMonitor.Drift.Performance;

/// <summary>
/// A non-decreasing map from a model's probability to the observed frequency of the positive class, fitted by isotonic
/// regression as scikit-learn's <c>IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip")</c>: linear between the
/// fitted points, clipped outside them.
/// </summary>
public sealed class IsotonicCalibrator
{
    /// <summary>A calibrator from its fitted points (as <see cref="X"/> and <see cref="Y"/> give them back).</summary>
    /// <param name="x">Increasing probabilities.</param>
    /// <param name="y">Non-decreasing calibrated values in [0, 1], one per <paramref name="x"/>.</param>
    public IsotonicCalibrator(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count == 0)
        {
            throw new ArgumentException("A calibrator needs as many y as x values, at least one.", nameof(y));
        }

        X = [.. x];
        Y = [.. y];
    }

    /// <summary>The fitted probabilities, increasing.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>The calibrated value at each of <see cref="X"/>.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>Fits the calibrator in O(n log n).</summary>
    /// <param name="probabilities">The model's probabilities of the positive class.</param>
    /// <param name="outcomes">1 where the row was positive, else 0.</param>
    public static IsotonicCalibrator Fit(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> outcomes) =>
        throw new NotImplementedException();

    /// <summary>The calibrated value of <paramref name="probability"/>.</summary>
    /// <param name="probability">A probability.</param>
    public double Transform(double probability) => throw new NotImplementedException();
}
