namespace GapMonitor.Drift.Performance;

/// <summary>
/// A non-decreasing map from a model's probability to the observed frequency of the positive class, fitted by isotonic
/// regression as scikit-learn's <c>IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip")</c>: linear between the
/// fitted points, clipped outside them.
/// </summary>
public sealed class IsotonicCalibrator
{
    private readonly double[] _x;
    private readonly double[] _y;

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

        _x = [.. x];
        _y = [.. y];
        for (var i = 0; i < _x.Length; i++)
        {
            if (!double.IsFinite(_x[i]) || !double.IsFinite(_y[i]) || (i > 0 && (_x[i] <= _x[i - 1] || _y[i] < _y[i - 1])))
            {
                throw new ArgumentException("A calibrator's x values increase and its y values do not decrease.", nameof(x));
            }
        }
    }

    /// <summary>The fitted probabilities, increasing.</summary>
    public IReadOnlyList<double> X => _x;

    /// <summary>The calibrated value at each of <see cref="X"/>.</summary>
    public IReadOnlyList<double> Y => _y;

    /// <summary>Fits the calibrator in O(n log n).</summary>
    /// <param name="probabilities">The model's probabilities of the positive class.</param>
    /// <param name="outcomes">1 where the row was positive, else 0.</param>
    public static IsotonicCalibrator Fit(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> outcomes)
    {
        var (x, y) = IsotonicFit.Fit(probabilities, outcomes);
        return new IsotonicCalibrator(x, y);
    }

    /// <summary>The calibrated value of <paramref name="probability"/>.</summary>
    /// <param name="probability">A probability.</param>
    public double Transform(double probability)
    {
        var x = _x;
        var y = _y;
        var last = x.Length - 1;
        if (double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is a number.");
        }

        if (probability <= x[0])
        {
            return y[0];
        }

        if (probability >= x[last])
        {
            return y[last];
        }

        // numpy.interp, as scipy's interp1d uses it: x[j] <= probability < x[j + 1].
        var found = Array.BinarySearch(x, probability);
        if (found >= 0)
        {
            return y[found];
        }

        var j = ~found - 1;
        var slope = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
        return (slope * (probability - x[j])) + y[j];
    }
}
