using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Tests.Statistics;

public class DoubleSorterTests
{
    [Property(MaxTest = 50)]
    public Property Sort_WhenGivenFiniteValues_OrdersLikeArraySort(double[] values, int repeat)
    {
        var input = Enumerable.Repeat(values.Where(double.IsFinite), 1 + (Math.Abs(repeat % 50) * 100)).SelectMany(v => v).ToArray();
        var expected = input.Order().ToArray();

        DoubleSorter.Sort(input);

        return input.SequenceEqual(expected).ToProperty();
    }

    [Fact]
    public void Sort_WhenLargeWithSignsZerosAndExtremes_OrdersAscending()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 50_000)
            .Select(i => (i % 5) switch
            {
                0 => -0.0,
                1 => 0.0,
                2 => double.MaxValue * (random.NextDouble() - 0.5),
                3 => double.Epsilon * random.Next(-3, 4),
                _ => random.NextDouble() - 0.5,
            })
            .ToArray();

        DoubleSorter.Sort(values);

        for (var i = 1; i < values.Length; i++)
        {
            Assert.True(values[i - 1] <= values[i], $"{values[i - 1]} > {values[i]} at {i}");
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(50_000)]
    public void SortFinite_WhenValuesHoldNonFinite_WritesOnlyTheFiniteOnesAscendingToTheDestination(int length)
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, length)
            .Select(i => (i % 7) switch
            {
                0 => double.NaN,
                1 => double.PositiveInfinity,
                2 => double.NegativeInfinity,
                3 => -0.0,
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-20, 20)),
            })
            .ToArray();
        var destination = Enumerable.Repeat(double.NaN, length + 10).ToArray();

        var count = DoubleSorter.SortFinite(values, destination);

        Assert.Equal(values.Where(double.IsFinite).Order(), destination.Take(count));
        Assert.Equal(values.Count(double.IsFinite), count);
        Assert.All(destination.Skip(count), v => Assert.True(double.IsNaN(v)));
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("heavy tail")]
    [InlineData("signed zeros")]
    [InlineData("few distinct")]
    [InlineData("huge range")]
    [InlineData("one outlier")]
    public void Sort_WhenLarge_OrdersByBitPatternLikeASortOnTheOrderPreservingKeys(string shape)
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 30_000).Select(i => shape switch
        {
            "normal" => Normal(random),
            "heavy tail" => Math.Exp(10 * Normal(random)),
            "signed zeros" => i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : double.Epsilon,
            "few distinct" => random.Next(-3, 4) * 0.5,
            "huge range" => double.MaxValue * (random.NextDouble() - 0.5) * Math.Pow(10, -random.Next(0, 300)),
            _ => i == 17 ? 1e300 : random.NextDouble(),
        }).ToArray();
        var expected = values.OrderBy(OrderKey).Select(BitConverter.DoubleToInt64Bits).ToArray();

        DoubleSorter.Sort(values);

        Assert.Equal(expected, values.Select(BitConverter.DoubleToInt64Bits));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static long OrderKey(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits < 0 ? bits ^ long.MaxValue : bits; // negatives: the larger the magnitude, the smaller the key
    }
}
