using System.Diagnostics.CodeAnalysis;

namespace GapMonitor.Drift;

/// <summary>Names, default thresholds and drift decisions of the <see cref="DriftMethod"/>s (Evidently's defaults).</summary>
public static class DriftMethods
{
    private static readonly Dictionary<string, DriftMethod> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ks"] = DriftMethod.Ks,
        ["wasserstein"] = DriftMethod.Wasserstein,
        ["chisquare"] = DriftMethod.ChiSquare,
        ["ztest"] = DriftMethod.ZTest,
        ["jensenshannon"] = DriftMethod.JensenShannon,
        ["psi"] = DriftMethod.Psi,
    };

    /// <summary>All accepted names, for help and error messages.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The report name of <paramref name="method"/>.</summary>
    public static string Name(DriftMethod method) => method switch
    {
        DriftMethod.Ks => "ks",
        DriftMethod.Wasserstein => "wasserstein",
        DriftMethod.ChiSquare => "chisquare",
        DriftMethod.ZTest => "ztest",
        DriftMethod.JensenShannon => "jensenshannon",
        DriftMethod.Psi => "psi",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    /// <summary>Parses a report name (see <see cref="Names"/>), case-insensitively, ignoring surrounding spaces.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out DriftMethod method)
    {
        if (name is not null && ByName.TryGetValue(name.Trim(), out method))
        {
            return true;
        }

        method = default;
        return false;
    }

    /// <summary>True for statistical tests, whose score is a p-value.</summary>
    public static bool IsTest(DriftMethod method) => method is DriftMethod.Ks or DriftMethod.ChiSquare or DriftMethod.ZTest;

    /// <summary>0.05 for the tests, 0.1 for the distances.</summary>
    public static double DefaultThreshold(DriftMethod method) => IsTest(method) ? 0.05 : 0.1;

    /// <summary>KS: p ≤ t; chi-square and Z: p &lt; t; distances: d ≥ t.</summary>
    public static bool IsDrifted(DriftMethod method, double score, double threshold) => method switch
    {
        DriftMethod.Ks => score <= threshold,
        DriftMethod.ChiSquare or DriftMethod.ZTest => score < threshold,
        _ => score >= threshold,
    };
}
