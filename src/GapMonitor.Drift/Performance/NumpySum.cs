namespace GapMonitor.Drift.Performance;

/// <summary>
/// numpy's float64 <c>sum</c>: pairwise summation (8 accumulators, leaves of 128) within each 8,192-value buffer of the
/// reduction, buffers added in order; so sums and means agree with numpy's to the last bit.
/// </summary>
internal static class NumpySum
{
    private const int BlockSize = 128;
    private const int BufferSize = 8192;

    public static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        for (var start = 0; start < values.Length; start += BufferSize)
        {
            sum += Pairwise(values.Slice(start, Math.Min(BufferSize, values.Length - start)));
        }

        return sum;
    }

    private static double Pairwise(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n < 8)
        {
            double sum = 0;
            foreach (var value in values)
            {
                sum += value;
            }

            return sum;
        }

        if (n <= BlockSize)
        {
            double r0 = values[0], r1 = values[1], r2 = values[2], r3 = values[3];
            double r4 = values[4], r5 = values[5], r6 = values[6], r7 = values[7];
            var i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                r0 += values[i];
                r1 += values[i + 1];
                r2 += values[i + 2];
                r3 += values[i + 3];
                r4 += values[i + 4];
                r5 += values[i + 5];
                r6 += values[i + 6];
                r7 += values[i + 7];
            }

            var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
            {
                result += values[i];
            }

            return result;
        }

        var half = n / 2;
        half -= half % 8;
        return Pairwise(values[..half]) + Pairwise(values[half..]);
    }
}
