using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Tests;

public class KolmogorovSmirnovGoldenTests
{
    /// <summary>The exact p-values are computed with scipy's own operations, so they agree far below this.</summary>
    private const double ExactPValueTolerance = 1e-10;

    public static TheoryData<string> KsScaleCases() => new(Golden.Section("ksScale").Select(c => c.GetProperty("name").GetString()!));

    public static TheoryData<string> KsEqualCases() => new(Golden.Section("ksEqual").Select(c => c.GetProperty("name").GetString()!));

    public static TheoryData<string> KsCases() => new(Golden.Section("ks").Select(c => c.GetProperty("name").GetString()!));

    public static TheoryData<int> KstwoPoints() => new(Enumerable.Range(0, Golden.Section("kstwo").Count()));

    [Theory]
    [MemberData(nameof(KsCases))]
    public void TwoSample_WhenComparedWithScipy_AgreesWithKs2samp(string name)
    {
        var golden = Golden.Section("ks").Single(c => c.GetProperty("name").GetString() == name);
        var a = Golden.Numbers(golden.GetProperty("a")).Order().ToArray();
        var b = Golden.Numbers(golden.GetProperty("b")).Order().ToArray();

        var result = KolmogorovSmirnov.TwoSample(a, b);

        Golden.AssertClose(golden.GetProperty("statistic").GetDouble(), result.Statistic, Golden.StatisticTolerance, "statistic");
        Golden.AssertClose(golden.GetProperty("pValue").GetDouble(), result.PValue, Golden.PValueTolerance, "p-value");
    }

    [Theory]
    [MemberData(nameof(KsScaleCases))]
    public void PValue_AtTheSizesOfIssue12_AgreesWithKs2sampToTenDigits(string name)
    {
        var golden = Golden.Section("ksScale").Single(c => c.GetProperty("name").GetString() == name);
        var statistic = golden.GetProperty("statistic").GetDouble();

        var result = KolmogorovSmirnov.PValue(statistic, golden.GetProperty("n1").GetInt32(), golden.GetProperty("n2").GetInt32());

        Assert.Equal(statistic, result.Statistic);
        Golden.AssertClose(golden.GetProperty("pValue").GetDouble(), result.PValue, ExactPValueTolerance, "p-value");
    }

    [Theory]
    [MemberData(nameof(KsEqualCases))]
    public void TwoSample_WithEqualSizes_AgreesWithKs2sampToTenDigits(string name)
    {
        var golden = Golden.Section("ksEqual").Single(c => c.GetProperty("name").GetString() == name);
        var a = Golden.Numbers(golden.GetProperty("a")).Order().ToArray();
        var b = Golden.Numbers(golden.GetProperty("b")).Order().ToArray();

        var result = KolmogorovSmirnov.TwoSample(a, b);

        Assert.Equal(golden.GetProperty("statistic").GetDouble(), result.Statistic);
        Golden.AssertClose(golden.GetProperty("pValue").GetDouble(), result.PValue, ExactPValueTolerance, "p-value");
    }

    [Theory]
    [MemberData(nameof(KstwoPoints))]
    public void TwoSidedSf_WhenComparedWithScipy_AgreesWithKstwoSf(int index)
    {
        var point = Golden.Section("kstwo").ElementAt(index);
        var n = point.GetProperty("n").GetInt32();
        var x = point.GetProperty("x").GetDouble();

        var sf = KolmogorovDistribution.TwoSidedSf(x, n);

        Golden.AssertClose(point.GetProperty("sf").GetDouble(), sf, Golden.PValueTolerance, $"kstwo.sf({x:R}, {n})");
    }
}
