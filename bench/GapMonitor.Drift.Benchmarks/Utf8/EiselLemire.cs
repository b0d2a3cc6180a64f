using System.Numerics;

namespace GapMonitor.Drift.Benchmarks.Utf8;

/// <summary>
/// The correctly rounded double nearest to w × 10^q for a 64-bit w (Eisel–Lemire, as in fast_float's
/// decimal_to_binary, with its 128-bit truncated powers of five). The rare inputs where that algorithm needs more
/// care (subnormal results, exact halfway products, an inexact 128-bit product) are declined: the caller then parses
/// the text with a slower, exact parser (double.Parse).
/// A benchmark experiment (csv-throughput, docs/benchmarks.md "drift-scale"), not used by the CLI: parsing a cell this
/// way measured no faster per core than Sep on this machine.
/// </summary>
internal static class EiselLemire
{
    private const int SmallestPowerOfTen = -342;
    private const int LargestPowerOfTen = 308;
    private const int MantissaBits = 52;
    private const int MinimumExponent = -1023;
    private const int InfinitePower = 0x7FF;

    /// <summary>High and low 64 bits of 5^q (normalized, truncated; rounded up for q &lt; 0) for q = -342…308.</summary>
    private static readonly ulong[] PowersOfFive = BuildPowersOfFive();

    /// <summary>False when the value needs the slow path; <paramref name="value"/> is then meaningless.</summary>
    public static bool TryCompute(ulong w, long q, bool negative, out double value)
    {
        value = 0;
        if (w == 0 || q < SmallestPowerOfTen)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }

        if (q > LargestPowerOfTen)
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        var leadingZeros = BitOperations.LeadingZeroCount(w);
        w <<= leadingZeros;
        var index = 2 * (int)(q - SmallestPowerOfTen);
        var high = Math.BigMul(w, PowersOfFive[index], out var low);
        const ulong precisionMask = ulong.MaxValue >> (MantissaBits + 3);
        if ((high & precisionMask) == precisionMask)
        {
            var secondHigh = Math.BigMul(w, PowersOfFive[index + 1], out _);
            low += secondHigh;
            if (secondHigh > low)
            {
                high++;
            }

            if (low == ulong.MaxValue)
            {
                return false;
            }
        }

        var upperBit = (int)(high >> 63);
        var shift = upperBit + 64 - MantissaBits - 3;
        var mantissa = high >> shift;
        var power2 = (int)(((152170 + 65536) * q) >> 16) + 63 + upperBit - leadingZeros - MinimumExponent;
        if (power2 <= 0)
        {
            return false;
        }

        if (low <= 1 && q is >= -4 and <= 23 && (mantissa & 3) == 1 && (mantissa << shift) == high)
        {
            return false;
        }

        mantissa += mantissa & 1;
        mantissa >>= 1;
        if (mantissa >= 2UL << MantissaBits)
        {
            mantissa = 1UL << MantissaBits;
            power2++;
        }

        mantissa &= ~(1UL << MantissaBits);
        if (power2 >= InfinitePower)
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        var bits = mantissa | ((ulong)power2 << MantissaBits) | (negative ? 1UL << 63 : 0);
        value = BitConverter.UInt64BitsToDouble(bits);
        return true;
    }

    private static ulong[] BuildPowersOfFive()
    {
        var table = new ulong[2 * (LargestPowerOfTen - SmallestPowerOfTen + 1)];
        var two128 = BigInteger.One << 128;
        for (var q = SmallestPowerOfTen; q <= LargestPowerOfTen; q++)
        {
            BigInteger c;
            if (q < 0)
            {
                var power5 = BigInteger.Pow(5, -q);
                var z = (int)(power5 - 1).GetBitLength();
                var b = q >= -27 ? z + 127 : (2 * z) + 128;
                c = (BigInteger.One << b) / power5 + 1;
                while (c >= two128)
                {
                    c >>= 1;
                }
            }
            else
            {
                c = BigInteger.Pow(5, q);
                var bits = (int)c.GetBitLength();
                c = bits <= 128 ? c << (128 - bits) : c >> (bits - 128);
            }

            var index = 2 * (q - SmallestPowerOfTen);
            table[index] = (ulong)(c >> 64);
            table[index + 1] = (ulong)(c & ulong.MaxValue);
        }

        return table;
    }
}
