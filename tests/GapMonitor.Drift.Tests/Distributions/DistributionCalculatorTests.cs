using GapMonitor.Drift.Distributions;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Drift.Tests.Distributions;

public sealed class DistributionCalculatorTests
{
    [Fact]
    public void Compare_SharesOfEachSideSumToOne()
    {
        var random = new Random(5);
        ColumnData[] reference = [new NumericColumnData("x", Enumerable.Range(0, 999).Select(_ => random.NextDouble()).ToArray()), Plans("plan", 300, random, 30)];
        ColumnData[] current = [new NumericColumnData("x", Enumerable.Range(0, 777).Select(_ => random.NextDouble() * 3).ToArray()), Plans("plan", 200, random, 40)];

        foreach (var distribution in DistributionCalculator.Compare(reference, current, 12))
        {
            Assert.Equal(1.0, distribution.Bins.Sum(b => b.Reference), 12);
            Assert.Equal(1.0, distribution.Bins.Sum(b => b.Current), 12);
            Assert.True(distribution.Bins.Count <= 12);
        }
    }

    [Fact]
    public void Compare_AConstantColumn_HasOneBinHoldingEverything()
    {
        ColumnData[] reference = [new NumericColumnData("x", [4, 4, 4, double.NaN])];
        ColumnData[] current = [new NumericColumnData("x", [4, 4])];

        var bin = Assert.Single(Assert.Single(DistributionCalculator.Compare(reference, current, 20)).Bins);

        Assert.Equal(new DistributionBin("4", 3.5, 4.5, 1, 1), bin);
    }

    [Fact]
    public void Compare_AnAllMissingColumn_HasNoBarsAndZeroCounts()
    {
        ColumnData[] reference = [new NumericColumnData("x", [double.NaN, double.PositiveInfinity]), new CategoricalColumnData("c", [null, null])];
        ColumnData[] current = [new NumericColumnData("x", [double.NaN]), new CategoricalColumnData("c", [null])];

        var distributions = DistributionCalculator.Compare(reference, current, 20);

        Assert.All(distributions, d => Assert.Equal((0L, 0L, 0), (d.ReferenceCount, d.CurrentCount, d.Bins.Count)));
    }

    [Fact]
    public void Compare_AColumnMissingOnOneSide_HasZeroSharesThere()
    {
        ColumnData[] reference = [new NumericColumnData("x", [1, 2, 3, 4])];
        ColumnData[] current = [new NumericColumnData("x", [double.NaN])];

        var distribution = Assert.Single(DistributionCalculator.Compare(reference, current, 4));

        Assert.Equal([0.25, 0.25, 0.25, 0.25], distribution.Bins.Select(b => b.Reference));
        Assert.All(distribution.Bins, b => Assert.Equal(0, b.Current));
        Assert.Equal(["1 to 1.75", "1.75 to 2.5", "2.5 to 3.25", "3.25 to 4"], distribution.Bins.Select(b => b.Label));
    }

    [Fact]
    public void Compare_ManyCategories_ShowsTheMostFrequentAndOneOtherBar()
    {
        ColumnData[] reference = [new CategoricalColumnData("c", ["a", "a", "a", "b", "b", "c", "d", "e", null])];
        ColumnData[] current = [new CategoricalColumnData("c", ["e", "e", "f", "a"])];

        var bins = Assert.Single(DistributionCalculator.Compare(reference, current, 3)).Bins;

        Assert.Equal(["a", "b", DistributionCalculator.OtherLabel], bins.Select(b => b.Label));
        Assert.Equal([3 / 8.0, 2 / 8.0, 3 / 8.0], bins.Select(b => b.Reference));
        Assert.Equal([1 / 4.0, 0, 3 / 4.0], bins.Select(b => b.Current));
        Assert.All(bins, b => Assert.Null(b.Lower));
    }

    [Fact]
    public void Compare_CategoriesThatFit_HaveNoOtherBar()
    {
        ColumnData[] reference = [new CategoricalColumnData("c", ["a", "b", "c"])];
        ColumnData[] current = [new CategoricalColumnData("c", ["a"])];

        var bins = Assert.Single(DistributionCalculator.Compare(reference, current, 3)).Bins;

        Assert.Equal(["a", "b", "c"], bins.Select(b => b.Label));
    }

    [Fact]
    public void Compare_ANumericColumnAgainstText_ComparesCategories()
    {
        ColumnData[] reference = [new NumericColumnData("c", [1, 1, 2])];
        ColumnData[] current = [new CategoricalColumnData("c", ["1", "x"])];

        var distribution = Assert.Single(DistributionCalculator.Compare(reference, current, 20));

        Assert.Equal(ColumnType.Categorical, distribution.Type);
        Assert.Equal(["1", "2", "x"], distribution.Bins.Select(b => b.Label));
    }

    [Fact]
    public void Compare_KeepsColumnsOnBothSides_InTheReferencesOrder()
    {
        ColumnData[] reference = [new NumericColumnData("b", [1]), new NumericColumnData("only_ref", [1]), new NumericColumnData("a", [2])];
        ColumnData[] current = [new NumericColumnData("a", [1]), new NumericColumnData("only_cur", [1]), new NumericColumnData("b", [2])];

        Assert.Equal(["b", "a"], DistributionCalculator.Compare(reference, current, 5).Select(d => d.Column));
    }

    [Fact]
    public void Compare_LongCategories_AreCutShort()
    {
        var name = new string('q', 500);
        ColumnData[] reference = [new CategoricalColumnData("c", [name])];

        var label = Assert.Single(Assert.Single(DistributionCalculator.Compare(reference, reference, 5)).Bins).Label;

        Assert.Equal(DistributionCalculator.MaxLabelLength, label.Length);
        Assert.EndsWith("…", label, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Compare_BarsOutOfRange_Throws(int bars)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DistributionCalculator.Compare([], [], bars));
        Assert.Throws<ArgumentOutOfRangeException>(() => DistributionCalculator.Compare(new DatasetProfile(), new DatasetProfile(), bars));
    }

    [Fact]
    public void Compare_FromProfilesBeyondTheirSample_UsesTheSketch_AndStaysClose()
    {
        var random = new Random(9);
        var referenceValues = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble() * 10).ToArray();
        var currentValues = Enumerable.Range(0, 15_000).Select(_ => (random.NextDouble() * 10) + 2).ToArray();
        ColumnData[] reference = [new NumericColumnData("x", referenceValues)];
        ColumnData[] current = [new NumericColumnData("x", currentValues)];

        var exact = Assert.Single(DistributionCalculator.Compare(reference, current, 20));
        var sketched = Assert.Single(DistributionCalculator.Compare(DatasetProfile.FromColumns(reference), DatasetProfile.FromColumns(current), 20));

        Assert.Equal(exact.Bins.Select(b => (b.Lower, b.Upper)), sketched.Bins.Select(b => (b.Lower, b.Upper)));
        Assert.Equal(1.0, sketched.Bins.Sum(b => b.Reference), 9);
        Assert.Equal(1.0, sketched.Bins.Sum(b => b.Current), 9);
        Assert.All(exact.Bins.Zip(sketched.Bins), p =>
        {
            Assert.InRange(Math.Abs(p.First.Reference - p.Second.Reference), 0, 0.02);
            Assert.InRange(Math.Abs(p.First.Current - p.Second.Current), 0, 0.02);
        });
    }

    [Fact]
    public void Compare_FromProfilesWithMoreCategoriesThanKept_PutsTheRemainderInOther()
    {
        var settings = new ProfileSettings { TopCategories = 10 };
        var reference = new DatasetProfile(settings);
        var current = new DatasetProfile(settings);
        for (var i = 0; i < 500; i++)
        {
            reference.Column("c").Add($"cat{i % 40}");
            current.Column("c").Add($"cat{i % 25}");
        }

        var distribution = Assert.Single(DistributionCalculator.Compare(reference, current, 20));

        Assert.Equal(DistributionCalculator.OtherLabel, distribution.Bins[^1].Label);
        Assert.Equal((500L, 500L), (distribution.ReferenceCount, distribution.CurrentCount));
        Assert.Equal(1.0, distribution.Bins.Sum(b => b.Reference), 12);
        Assert.Equal(1.0, distribution.Bins.Sum(b => b.Current), 12);
    }

    private static CategoricalColumnData Plans(string name, int rows, Random random, int categories) =>
        new(name, Enumerable.Range(0, rows).Select(_ => random.Next(5) == 0 ? null : $"p{random.Next(categories)}").ToArray());
}
