namespace GapMonitor.Drift.Statistics;

/// <summary>numpy's Sturges bin edges and <c>numpy.histogram</c> counts on sorted data.</summary>
internal static class Histogram
{
    /// <summary><c>numpy.histogram_bin_edges(data, bins='sturges')</c> for data with the given size and range.</summary>
    public static double[] SturgesEdges(double min, double max, long count)
    {
        double first = min, last = max;
        if (first == last)
        {
            first -= 0.5;
            last += 0.5;
        }

        // Halves when the range overflows a double (e.g. -1e308 to 1e308): scaling by two leaves the quotient as it was.
        var halve = !double.IsFinite(last - first);
        var range = halve ? (last / 2) - (first / 2) : last - first;
        var width = (halve ? range : max - min) / (Math.Log2(count) + 1.0);
        var bins = width != 0 ? (int)Math.Ceiling(range / width) : 1;
        return LinSpace(first, last, bins + 1);
    }

    /// <summary><c>numpy.linspace(start, stop, num, endpoint=True)</c>; finite even when <c>stop - start</c> overflows.</summary>
    public static double[] LinSpace(double start, double stop, int num)
    {
        var edges = new double[num];
        var div = num - 1;
        var delta = stop - start;
        if (!double.IsFinite(delta) && double.IsFinite(start) && double.IsFinite(stop))
        {
            // Opposite signs near the ends of the double range: each weighted end is finite, and so is their sum.
            for (var i = 0; i < num; i++)
            {
                var t = i / (double)div;
                edges[i] = (start * (1 - t)) + (stop * t);
            }

            edges[num - 1] = stop;
            return edges;
        }

        var step = delta / div;
        for (var i = 0; i < num; i++)
        {
            edges[i] = step == 0 ? (i / (double)div * delta) + start : (i * step) + start;
        }

        if (num > 1)
        {
            edges[num - 1] = stop;
        }

        return edges;
    }

    /// <summary><c>numpy.histogram(sorted, edges)[0]</c>: bins are half-open except the last, which is closed.</summary>
    public static long[] Counts(ReadOnlySpan<double> sorted, ReadOnlySpan<double> edges)
    {
        var counts = new long[edges.Length - 1];
        var previous = LowerBound(sorted, edges[0]);
        for (var b = 0; b < counts.Length; b++)
        {
            var next = b == counts.Length - 1 ? UpperBound(sorted, edges[b + 1]) : LowerBound(sorted, edges[b + 1]);
            counts[b] = next - previous;
            previous = next;
        }

        return counts;
    }

    private static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
