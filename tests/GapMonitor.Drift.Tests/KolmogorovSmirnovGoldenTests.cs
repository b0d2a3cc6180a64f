using GapMonitor.Drift.Statistics;

namespace GapMonitor.Drift.Tests;

public class KolmogorovSmirnovGoldenTests
{
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
