namespace GapMonitor.Drift.Statistics;

/// <summary>Mean and population standard deviation as numpy computes them (two passes).</summary>
internal static class Moments
{
    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary><c>numpy.std(values)</c> (ddof = 0).</summary>
    public static double PopulationStd(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            sum += d * d;
        }

        return Math.Sqrt(sum / values.Length);
    }
}
