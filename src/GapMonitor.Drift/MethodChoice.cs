namespace GapMonitor.Drift;

/// <summary>Evidently's default method per column, and validation of overrides.</summary>
internal static class MethodChoice
{
    /// <summary>The number of non-missing reference values up to which tests are used instead of distances.</summary>
    public const int SmallReference = 1000;

    /// <summary>
    /// ≤ 1000 reference values: numeric with &gt; 5 distinct → KS, else chi-square when &gt; 2 distinct, else Z-test.
    /// More: numeric with &gt; 5 distinct → normed Wasserstein, else Jensen–Shannon.
    /// </summary>
    public static DriftMethod Default(ColumnType type, long referenceCount, int distinct)
    {
        var manyNumbers = type == ColumnType.Numeric && distinct > 5;
        if (referenceCount <= SmallReference)
        {
            return manyNumbers ? DriftMethod.Ks : distinct > 2 ? DriftMethod.ChiSquare : DriftMethod.ZTest;
        }

        return manyNumbers ? DriftMethod.Wasserstein : DriftMethod.JensenShannon;
    }

    public static void Validate(string column, ColumnType type, DriftMethod method, int distinct)
    {
        if (type == ColumnType.Categorical && method is DriftMethod.Ks or DriftMethod.Wasserstein)
        {
            throw new DriftConfigurationException(
                $"Column '{column}' is categorical; method '{DriftMethods.Name(method)}' needs numbers (use chisquare, ztest, jensenshannon or psi).");
        }

        if (method == DriftMethod.ZTest && distinct > 2)
        {
            throw new DriftConfigurationException(
                $"Column '{column}' has {distinct} distinct values; method 'ztest' compares two proportions and needs at most 2.");
        }
    }

    public static double Score(DriftMethod method, DriftStatistics statistics) => method switch
    {
        DriftMethod.Ks => statistics.Ks!.Value.PValue,
        DriftMethod.Wasserstein => statistics.WassersteinNormed!.Value,
        DriftMethod.ChiSquare => statistics.ChiSquare!.Value.PValue,
        DriftMethod.ZTest => statistics.ZTest!.Value.PValue,
        DriftMethod.JensenShannon => statistics.JensenShannon,
        _ => statistics.Psi,
    };
}
