using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GapMonitor.Drift.Statistics;

/// <summary>
/// Sorts finite doubles ascending by their order-preserving bit patterns (so -0.0 comes before 0.0, and the result is
/// the one order every correct sort gives). Large arrays are first spread over n/2 buckets by value, which keeps the
/// value order (the bucket of v is the truncation of (v - min) × scale, non-decreasing in v), then each bucket is
/// sorted by insertion, or by the same method when it is large. That is two passes over the data on typical columns,
/// against the six of an LSD radix sort on 64-bit keys (11-bit digits), which remains the fallback when one bucket
/// would hold most of the values (heavy tails, huge ranges) or is still crowded two levels down. Buffers are
/// rented: on large columns fresh memory costs as much as a pass in page faults.
/// </summary>
internal static class DoubleSorter
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Passes = 6;
    private const int SmallArray = 4096;
    private const int InsertionSortMaximum = 32;
    private const int MaxBucketDepth = 2;

    /// <summary>Sorts <paramref name="values"/> (no NaN) in place.</summary>
    public static void Sort(double[] values) => Sort(values.AsSpan());

    /// <summary>Sorts <paramref name="values"/> (no NaN) in place.</summary>
    public static void Sort(Span<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        SortRange(values, min, max);
    }

    /// <summary>
    /// Writes the finite values of <paramref name="values"/> to the start of <paramref name="destination"/>
    /// (at least as long), ascending, and returns how many there are.
    /// </summary>
    public static int SortFinite(ReadOnlySpan<double> values, Span<double> destination)
    {
        var n = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                destination[n++] = v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        SortRange(destination[..n], min, max);
        return n;
    }

    private static void SortRange(Span<double> values, double min, double max)
    {
        if (values.Length < SmallArray)
        {
            values.Sort();
            return;
        }

        var scratch = ArrayPool<long>.Shared.Rent(values.Length);
        try
        {
            BucketSort(values, scratch.AsSpan(0, values.Length), min, max, 0);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(scratch);
        }
    }

    /// <summary>Sorts <paramref name="values"/>, whose least and greatest are given, using <paramref name="keys"/> (as long) as scratch.</summary>
    private static void BucketSort(Span<double> values, Span<long> keys, double min, double max, int depth)
    {
        var n = values.Length;
        if (n < 2 || (min == max && min != 0))
        {
            return;
        }

        var buckets = Math.Max(n / 2, 1);
        var scale = buckets / (max - min);
        if (!double.IsFinite(scale) || !(scale > 0) || depth > MaxBucketDepth || min == max)
        {
            RadixSort(values, MemoryMarshal.Cast<long, ulong>(keys));
            return;
        }

        var rented = ArrayPool<int>.Shared.Rent(buckets);
        try
        {
            var ends = rented.AsSpan(0, buckets);
            ends.Clear();
            ref var value = ref MemoryMarshal.GetReference(values);
            ref var end = ref MemoryMarshal.GetReference(ends);
            for (var i = 0; i < n; i++)
            {
                Unsafe.Add(ref end, Bucket(Unsafe.Add(ref value, i), min, scale, buckets))++;
            }

            int total = 0, crowded = 0;
            for (var b = 0; b < buckets; b++)
            {
                var count = Unsafe.Add(ref end, b);
                Unsafe.Add(ref end, b) = total;
                total += count;
                crowded = Math.Max(crowded, count);
            }

            // One bucket holding most of the values means a heavy tail: buckets would spread it no better.
            if (crowded > n / 2)
            {
                RadixSort(values, MemoryMarshal.Cast<long, ulong>(keys));
                return;
            }

            // Scatter the keys; each bucket's start slot advances to its end (the next bucket's start).
            ref var key = ref MemoryMarshal.GetReference(keys);
            for (var i = 0; i < n; i++)
            {
                var v = Unsafe.Add(ref value, i);
                ref var slot = ref Unsafe.Add(ref end, Bucket(v, min, scale, buckets));
                Unsafe.Add(ref key, slot++) = ToSignedKey(v);
            }

            var start = 0;
            for (var b = 0; b < buckets; b++)
            {
                var stop = Unsafe.Add(ref end, b);
                if (stop - start <= InsertionSortMaximum)
                {
                    InsertionSort(keys[start..stop]);
                    for (var i = start; i < stop; i++)
                    {
                        Unsafe.Add(ref value, i) = FromSignedKey(Unsafe.Add(ref key, i));
                    }
                }
                else
                {
                    double low = double.PositiveInfinity, high = double.NegativeInfinity;
                    for (var i = start; i < stop; i++)
                    {
                        var v = FromSignedKey(Unsafe.Add(ref key, i));
                        Unsafe.Add(ref value, i) = v;
                        low = Math.Min(low, v);
                        high = Math.Max(high, v);
                    }

                    BucketSort(values[start..stop], keys[start..stop], low, high, depth + 1);
                }

                start = stop;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(double value, double min, double scale, int buckets) =>
        Math.Min((int)((value - min) * scale), buckets - 1);

    private static void InsertionSort(Span<long> keys)
    {
        ref var first = ref MemoryMarshal.GetReference(keys);
        for (var i = 1; i < keys.Length; i++)
        {
            var key = Unsafe.Add(ref first, i);
            var j = i - 1;
            while (j >= 0 && Unsafe.Add(ref first, j) > key)
            {
                Unsafe.Add(ref first, j + 1) = Unsafe.Add(ref first, j);
                j--;
            }

            Unsafe.Add(ref first, j + 1) = key;
        }
    }

    /// <summary>LSD radix sort of <paramref name="values"/> in place; <paramref name="scratch"/> is as long.</summary>
    private static void RadixSort(Span<double> values, Span<ulong> scratch)
    {
        var keys = MemoryMarshal.Cast<double, ulong>(values);
        var counts = new int[Passes * Buckets];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = ToKey(values[i]);
            keys[i] = key;
            Count(counts, key);
        }

        SortKeys(keys, scratch, counts);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Count(int[] counts, ulong key)
    {
        ref var slots = ref MemoryMarshal.GetArrayDataReference(counts);
        for (var p = 0; p < Passes; p++)
        {
            Unsafe.Add(ref slots, (p * Buckets) + (int)((key >> (p * Bits)) & (Buckets - 1)))++;
        }
    }

    /// <summary>Sorts the keys (counted per pass in <paramref name="counts"/>) and turns them back into doubles in place.</summary>
    private static void SortKeys(Span<ulong> keys, Span<ulong> scratch, int[] counts)
    {
        var n = keys.Length;
        var values = MemoryMarshal.Cast<ulong, double>(keys);
        var source = keys;
        var target = scratch[..n];
        for (var p = 0; p < Passes; p++)
        {
            var offset = p * Buckets;
            var shift = p * Bits;
            if (counts[offset + (int)((source[0] >> shift) & (Buckets - 1))] == n)
            {
                continue;
            }

            var total = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var count = counts[offset + b];
                counts[offset + b] = total;
                total += count;
            }

            // The scatter is the hot loop: unchecked references avoid three bounds checks per value.
            ref var from = ref MemoryMarshal.GetReference(source);
            ref var to = ref MemoryMarshal.GetReference(target);
            ref var slots = ref MemoryMarshal.GetArrayDataReference(counts);
            for (var i = 0; i < n; i++)
            {
                var key = Unsafe.Add(ref from, i);
                ref var slot = ref Unsafe.Add(ref slots, offset + (int)((key >> shift) & (Buckets - 1)));
                Unsafe.Add(ref to, slot++) = key;
            }

            var swap = source;
            source = target;
            target = swap;
        }

        // After an odd number of passes the sorted keys are in the scratch buffer; FromKey writes them back.
        for (var i = 0; i < n; i++)
        {
            values[i] = FromKey(source[i]);
        }
    }

    /// <summary>Finite doubles to longs in the same order (-0.0 before 0.0); its own inverse.</summary>
    private static long ToSignedKey(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits ^ ((bits >> 63) & long.MaxValue);
    }

    private static double FromSignedKey(long key) => BitConverter.Int64BitsToDouble(key ^ ((key >> 63) & long.MaxValue));

    private static ulong ToKey(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    private static double FromKey(ulong key)
    {
        var bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key;
        return BitConverter.Int64BitsToDouble((long)bits);
    }
}
