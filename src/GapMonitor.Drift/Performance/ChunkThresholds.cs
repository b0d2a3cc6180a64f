namespace GapMonitor.Drift.Performance;

/// <summary>
/// Thresholds from the reference's consecutive chunks: per metric, mean ± 3 population standard deviations of its
/// chunk values, clipped to the metric's range. A chunk where the metric is undefined is left out; a metric defined
/// in fewer than 2 chunks gets no threshold.
/// </summary>
internal static class ChunkThresholds
{
    private const double Deviations = 3;

    public static Dictionary<string, MetricThreshold> Derive(PerformanceSample reference, int chunkRows, int chunks)
    {
        var thresholds = new Dictionary<string, MetricThreshold>(StringComparer.Ordinal);
        if (chunks < 2)
        {
            return thresholds;
        }

        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var metric in PerformanceMetrics.Of(reference.Task))
        {
            values[metric] = new List<double>(chunks);
        }

        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var metrics = RealizedMetrics.Compute(reference, chunk * chunkRows, (chunk + 1) * chunkRows);
            if (metrics is null)
            {
                continue;
            }

            foreach (var (metric, value) in metrics)
            {
                if (value is { } defined)
                {
                    values[metric].Add(defined);
                }
            }
        }

        foreach (var (metric, chunkValues) in values)
        {
            if (chunkValues.Count < 2)
            {
                continue;
            }

            var mean = NumpySum.Sum(chunkValues.ToArray()) / chunkValues.Count;
            var squares = chunkValues.Select(v => (v - mean) * (v - mean)).ToArray();
            var std = Math.Sqrt(NumpySum.Sum(squares) / chunkValues.Count);
            var (lower, upper) = PerformanceMetrics.Range(metric);
            thresholds[metric] = new MetricThreshold(
                Math.Max(mean - (Deviations * std), lower),
                Math.Min(mean + (Deviations * std), upper));
        }

        return thresholds;
    }
}
