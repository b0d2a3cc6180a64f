namespace GapMonitor.Drift.Profiles;

/// <summary>The bounds that keep a <see cref="ColumnProfile"/>'s memory fixed whatever the number of values.</summary>
public sealed record ProfileSettings
{
    /// <summary>The default bounds: KLL k = 200, 64 exact numeric values, top-100 categories, 4096-value sample.</summary>
    public static ProfileSettings Default { get; } = new();

    /// <summary>KLL accuracy parameter; the rank error is about 1.7 / k (≈ 1% for 200).</summary>
    public int QuantileK { get; init; } = 200;

    /// <summary>Distinct numbers counted exactly; more and only the sketch and the sample remain.</summary>
    public int ExactValueCapacity { get; init; } = 64;

    /// <summary>Categories kept with counts (Misra–Gries); the rest is counted as "other".</summary>
    public int TopCategories { get; init; } = 100;

    /// <summary>Size of the uniform sample used for exact tests.</summary>
    public int SampleSize { get; init; } = 4096;
}
