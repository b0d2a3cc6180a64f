using System.Buffers.Binary;

namespace GapMonitor.Cli.Drift;

/// <summary>
/// Parses a plain decimal number, <c>[+-]digits[.digits][(e|E)[+-]digits]</c>, from the start of UTF-8 bytes, eight
/// digits at a time, to the correctly rounded double (exact powers of ten for short numbers, else
/// <see cref="EiselLemire"/>). Declines (returns false) what it does not handle: no digits, more than 19 significant
/// digits, and the rare values Eisel–Lemire leaves to a slower parser.
/// </summary>
internal static class Utf8DecimalParser
{
    private const ulong MaxExactMantissa = 1UL << 53;

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
            var eight = BinaryPrimitives.ReadUInt64LittleEndian(text[i..]);
            if (!AreEightDigits(eight))
            {
                break;
            }

            w = unchecked((w * 100_000_000) + EightDigits(eight));
            i += 8;
        }

        while (i < text.Length && (uint)(text[i] - '0') < 10)
        {
            w = unchecked((w * 10) + (uint)(text[i] - '0'));
            i++;
        }

        return i;
    }

    private static bool AreEightDigits(ulong eight) =>
        ((eight & 0xF0F0F0F0F0F0F0F0) | (((eight + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) == 0x3333333333333333;

    private static uint EightDigits(ulong eight)
    {
        eight -= 0x3030303030303030;
        eight = (eight * 10) + (eight >> 8);
        return (uint)((((eight & 0x000000FF000000FF) * (100 + (1000000UL << 32)))
            + (((eight >> 16) & 0x000000FF000000FF) * (1 + (10000UL << 32)))) >> 32);
    }

    /// <summary>Digits after the leading zeros (and the point) of a mantissa.</summary>
    private static int SignificantDigits(ReadOnlySpan<byte> mantissa)
    {
        var first = mantissa.IndexOfAnyExcept((byte)'0', (byte)'.');
        return first < 0 ? 0 : mantissa[first..].Length - (mantissa[first..].Contains((byte)'.') ? 1 : 0);
    }
}
