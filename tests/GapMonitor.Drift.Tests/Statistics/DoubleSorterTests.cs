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
}
