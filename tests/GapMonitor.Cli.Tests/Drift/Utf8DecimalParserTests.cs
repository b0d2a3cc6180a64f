using System.Globalization;
using System.Text;
using GapMonitor.Cli.Drift;

namespace GapMonitor.Cli.Tests.Drift;

public sealed class Utf8DecimalParserTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("-0.0", 0)]
    [InlineData("1.", 2)]
    [InlineData(".5", 2)]
    [InlineData("+1.25e+2", 8)]
    [InlineData("7.336452393687695", 17)]
    [InlineData("-1.9678081121641662", 19)]
    [InlineData("0.000000000000000000012345678901234567", 38)]
    [InlineData("2.2250738585072014e-308", 23)]
    [InlineData("1.7976931348623157e308", 22)]
    [InlineData("123456789012345678", 18)]
    [InlineData("1e5,2", 3)]
    [InlineData("1e,2", 1)]
    [InlineData("4.5E-3x", 6)]
    public void TryParse_GivesTheCorrectlyRoundedDoubleAndLength(string text, int expectedUsed)
    {
        var parsed = Utf8DecimalParser.TryParse(Encoding.UTF8.GetBytes(text), out var value, out var used);

        Assert.True(parsed);
        Assert.Equal(expectedUsed == 0 ? text.Length : expectedUsed, used);
        var expected = double.Parse(text.AsSpan(0, used), NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("e5")]
    [InlineData("12345678901234567890123")]
    [InlineData("9007199254740993")] // 2^53 + 1: exactly halfway between two doubles, left to csFastFloat
    public void TryParse_DeclinesWhatItDoesNotHandle(string text) =>
        Assert.False(Utf8DecimalParser.TryParse(Encoding.UTF8.GetBytes(text), out _, out _));

    [Fact]
    public void TryParse_AgreesWithDoubleParse_OnRandomDoublesAndDigitStrings()
    {
        var random = new Random(12);
        var declined = 0;
        const int Count = 200_000;
        for (var k = 0; k < Count; k++)
        {
            var text = (k % 4) switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64() & 0x7FEF_FFFF_FFFF_FFFF).ToString("R", CultureInfo.InvariantCulture),
                1 => (random.NextDouble() * 40 - 20).ToString("R", CultureInfo.InvariantCulture),
                2 => (random.NextDouble() * Math.Pow(10, random.Next(-30, 30))).ToString(k % 8 == 2 ? "E16" : "G17", CultureInfo.InvariantCulture),
                _ => RandomDigits(random),
            };
            var bytes = Encoding.UTF8.GetBytes(text);
            if (!Utf8DecimalParser.TryParse(bytes, out var value, out var used))
            {
                declined++;
                continue;
            }

            Assert.Equal(text.Length, used);
            var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value), $"{text}: {value:R} instead of {expected:R}");
        }

        Assert.True(declined < Count / 20, $"declined {declined} of {Count}");
    }

    private static string RandomDigits(Random random)
    {
        var digits = new StringBuilder();
        var length = random.Next(1, 20);
        for (var i = 0; i < length; i++)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        var point = random.Next(length + 1);
        digits.Insert(point, '.');
        return $"{(random.Next(2) == 0 ? "-" : "")}{digits}e{random.Next(-340, 310)}";
    }
}
