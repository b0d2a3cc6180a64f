namespace GapMonitor.Drift.Performance;

/// <summary>
/// scikit-learn 1.2's <c>IsotonicRegression(y_min=0, y_max=1, increasing=True)</c> fit, step by step: sort by x, average
/// y over x values closer than 1e-15 to their group's first (<c>_make_unique</c>), pool adjacent violators with weights
/// (<c>_inplace_contiguous_isotonic_regression</c>), clip to [0, 1], and keep only the points where y changes.
/// </summary>
internal static class IsotonicFit
{
    private const double TieResolution = 1e-15;

    public static (double[] X, double[] Y) Fit(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> outcomes)
    {
        if (probabilities.Length != outcomes.Length || probabilities.Length == 0)
        {
            throw new ArgumentException("Isotonic calibration needs as many outcomes as probabilities, at least one.", nameof(outcomes));
        }

        var keys = probabilities.ToArray();
        var values = outcomes.ToArray();
        foreach (var value in keys)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(probabilities), value, "Probabilities are finite numbers.");
            }
        }

        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(outcomes), value, "Outcomes are finite numbers.");
            }
        }

        SortByXThenY(keys, values);
        var (x, y, w) = MergeTies(keys, values);
        PoolAdjacentViolators(y, w);
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = Math.Clamp(y[i], 0, 1);
        }

        return KeepChanges(x, y);
    }

    private static void SortByXThenY(double[] keys, double[] values)
    {
        // numpy.lexsort((y, X)): by x, ties by y. Sorting by x, then each run of equal x by y, gives the same order.
        Array.Sort(keys, values);
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    Array.Sort(values, start, i - start);
                }

                start = i;
            }
        }
    }

    private static (double[] X, double[] Y, double[] W) MergeTies(double[] keys, double[] values)
    {
        var x = new List<double>();
        var y = new List<double>();
        var w = new List<double>();
        var currentX = keys[0];
        double sumY = 0;
        double weight = 0;
        for (var j = 0; j < keys.Length; j++)
        {
            if (keys[j] - currentX >= TieResolution)
            {
                x.Add(currentX);
                w.Add(weight);
                y.Add(sumY / weight);
                currentX = keys[j];
                weight = 1;
                sumY = values[j];
            }
            else
            {
                weight += 1;
                sumY += values[j];
            }
        }

        x.Add(currentX);
        w.Add(weight);
        y.Add(sumY / weight);
        return ([.. x], [.. y], [.. w]);
    }

    /// <summary>scikit-learn's single-pass PAV: blocks [i..target[i]], means in y[i], weights in w[i].</summary>
    private static void PoolAdjacentViolators(double[] y, double[] w)
    {
        var n = y.Length;
        var target = new int[n];
        for (var t = 0; t < n; t++)
        {
            target[t] = t;
        }

        var i = 0;
        while (i < n)
        {
            var k = target[i] + 1;
            if (k == n)
            {
                break;
            }

            if (y[i] < y[k])
            {
                i = k;
                continue;
            }

            var sumWy = w[i] * y[i];
            var sumW = w[i];
            while (true)
            {
                var previousY = y[k];
                sumWy += w[k] * y[k];
                sumW += w[k];
                k = target[k] + 1;
                if (k == n || previousY < y[k])
                {
                    y[i] = sumWy / sumW;
                    w[i] = sumW;
                    target[i] = k - 1;
                    target[k - 1] = i;
                    if (i > 0)
                    {
                        i = target[i - 1];
                    }

                    break;
                }
            }
        }

        i = 0;
        while (i < n)
        {
            var k = target[i] + 1;
            for (var m = i + 1; m < k; m++)
            {
                y[m] = y[i];
            }

            i = k;
        }
    }

    /// <summary>Drops the inner points whose y equals both neighbours' (<c>trim_duplicates</c>).</summary>
    private static (double[] X, double[] Y) KeepChanges(double[] x, double[] y)
    {
        var n = y.Length;
        var keptX = new List<double>(n);
        var keptY = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || i == n - 1 || y[i] != y[i - 1] || y[i] != y[i + 1])
            {
                keptX.Add(x[i]);
                keptY.Add(y[i]);
            }
        }

        return ([.. keptX], [.. keptY]);
    }
}
