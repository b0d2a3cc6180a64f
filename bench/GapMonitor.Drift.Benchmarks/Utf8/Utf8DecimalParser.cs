using System.Buffers.Binary;
using System.Numerics;

namespace GapMonitor.Drift.Benchmarks.Utf8;

/// <summary>
/// Parses a plain decimal number, <c>[+-]digits[.digits][(e|E)[+-]digits]</c>, from the start of UTF-8 bytes, eight
/// digits at a time, to the correctly rounded double (exact powers of ten for short numbers, else
/// <see cref="EiselLemire"/>). Declines (returns false) what it does not handle: no digits, more than 19 significant
/// digits, and the rare values Eisel–Lemire leaves to a slower parser.
/// A benchmark experiment (csv-throughput, docs/benchmarks.md "drift-scale"), not used by the CLI: parsing a cell this
/// way measured no faster per core than Sep on this machine.
/// </summary>
internal static class Utf8DecimalParser
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly ulong[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    private static readonly double[] ExactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>The number at the start of <paramref name="text"/> and the bytes it takes (<paramref name="used"/>).</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value, out int used)
    {
        value = 0;
        used = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is (byte)'-' or (byte)'+')
        {
            negative = text[0] == '-';
            i++;
        }

        var mantissaStart = i;
        ulong w = 0;
        i = Digits(text, i, ref w);
        var integerDigits = i - mantissaStart;
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            var fractionStart = ++i;
            i = Digits(text, i, ref w);
            fractionDigits = i - fractionStart;
        }

        if (integerDigits + fractionDigits == 0)
        {
            return false;
        }

        if (integerDigits + fractionDigits > 19 && SignificantDigits(text[mantissaStart..i]) > 19)
        {
            return false;
        }

        long exponent = -fractionDigits;
        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            var j = i + 1;
            var negativeExponent = false;
            if (j < text.Length && text[j] is (byte)'-' or (byte)'+')
            {
                negativeExponent = text[j] == '-';
                j++;
            }

            var exponentStart = j;
            long explicitExponent = 0;
            while (j < text.Length && (uint)(text[j] - '0') < 10)
            {
                if (explicitExponent < 100_000)
                {
                    explicitExponent = (explicitExponent * 10) + (text[j] - '0');
                }

                j++;
            }

            if (j > exponentStart)
            {
                exponent += negativeExponent ? -explicitExponent : explicitExponent;
                i = j;
            }
        }

        used = i;
        if (w <= MaxExactMantissa && exponent is >= -22 and <= 22)
        {
            value = exponent < 0 ? w / ExactPowersOfTen[(int)-exponent] : w * ExactPowersOfTen[(int)exponent];
            value = negative ? -value : value;
            return true;
        }

        return EiselLemire.TryCompute(w, exponent, negative, out value);
    }

    /// <summary>Appends the digits from <paramref name="i"/> on to <paramref name="w"/>; returns where they end.</summary>
    private static int Digits(ReadOnlySpan<byte> text, int i, ref ulong w)
    {
        while (i + 8 <= text.Length)
        {
            // Eight bytes at once: the digits' values, and how many leading bytes are digits.
            var values = BinaryPrimitives.ReadUInt64LittleEndian(text[i..]) ^ 0x3030303030303030;
            var notDigit = ((values + 0x7676767676767676) | values) & 0x8080808080808080;
            var count = notDigit == 0 ? 8 : BitOperations.TrailingZeroCount(notDigit) >> 3;
            if (count == 0)
            {
                return i;
            }

            w = unchecked((w * PowersOfTen[count]) + EightDigitValues(values << (8 * (8 - count))));
            i += count;
            if (count < 8)
            {
                return i;
            }
        }

        while (i < text.Length && (uint)(text[i] - '0') < 10)
        {
            w = unchecked((w * 10) + (uint)(text[i] - '0'));
            i++;
        }

        return i;
    }

    /// <summary>The number whose eight decimal digits are the bytes of <paramref name="values"/> (first digit lowest).</summary>
    private static uint EightDigitValues(ulong values)
    {
        values = (values * 10) + (values >> 8);
        return (uint)((((values & 0x000000FF000000FF) * (100 + (1000000UL << 32)))
            + (((values >> 16) & 0x000000FF000000FF) * (1 + (10000UL << 32)))) >> 32);
    }

    /// <summary>Digits after the leading zeros (and the point) of a mantissa.</summary>
    private static int SignificantDigits(ReadOnlySpan<byte> mantissa)
    {
        var first = mantissa.IndexOfAnyExcept((byte)'0', (byte)'.');
        return first < 0 ? 0 : mantissa[first..].Length - (mantissa[first..].Contains((byte)'.') ? 1 : 0);
    }
}
