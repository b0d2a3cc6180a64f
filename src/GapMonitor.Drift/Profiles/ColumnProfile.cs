using System.Globalization;

namespace GapMonitor.Drift.Profiles;

/// <summary>
/// A mergeable, bounded-memory summary of one column of a stream: count, missing, min/max, mean and variance
/// (Welford, merged with Chan et al.'s formula), a KLL quantile sketch, exact counts of up to
/// <see cref="ProfileSettings.ExactValueCapacity"/> distinct numbers, top-k category counts with "other", and a
/// bounded uniform sample for exact tests. Not thread-safe: build one per window or partition and merge.
/// </summary>
public sealed class ColumnProfile
{
    /// <summary>Creates an empty profile; <paramref name="seed"/> fixes its pseudo-random choices (default: from the name).</summary>
    public ColumnProfile(string name, ProfileSettings? settings = null, ulong? seed = null)
    {
        Name = name;
        Settings = settings ?? ProfileSettings.Default;
        var state = seed ?? SplitMix64.Seed(name);
        Quantiles = new KllSketch(Settings.QuantileK, SplitMix64.Next(ref state));
        Values = new ValueCounts(Settings.ExactValueCapacity);
        Categories = new CategoryCounts(Settings.TopCategories);
        Sample = new ReservoirSample(Settings.SampleSize, SplitMix64.Next(ref state));
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The bounds in use.</summary>
    public ProfileSettings Settings { get; }

    /// <summary>Non-missing values.</summary>
    public long Count { get; private set; }

    /// <summary>Missing values (null, empty, NaN, ±Inf).</summary>
    public long Missing { get; private set; }

    /// <summary>Non-missing values that were numbers.</summary>
    public long NumericCount { get; private set; }

    /// <summary>True when there are values and every one was a number.</summary>
    public bool IsNumeric => NumericCount > 0 && NumericCount == Count;

    /// <summary>Smallest number (+∞ when none).</summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>Largest number (−∞ when none).</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Mean of the numbers.</summary>
    public double Mean { get; private set; }

    /// <summary>Sum of squared deviations from the mean.</summary>
    public double SumOfSquares { get; private set; }

    /// <summary>Population variance of the numbers.</summary>
    public double Variance => NumericCount > 0 ? SumOfSquares / NumericCount : double.NaN;

    /// <summary>
    /// Counts of the non-numeric values: every one while at most <see cref="ProfileSettings.TopCategories"/> are
    /// distinct, after that the most frequent ones (the rest counts as "other" in the statistics).
    /// </summary>
    public IReadOnlyDictionary<string, long> TopCategories => Categories.Counts;

    /// <summary>A uniform random sample of the numbers, at most <see cref="ProfileSettings.SampleSize"/> of them.</summary>
    public IEnumerable<double> SampleValues => Sample.Values;

    /// <summary>Quantile sketch of the numbers.</summary>
    internal KllSketch Quantiles { get; private set; }

    /// <summary>Exact counts of the numbers while few are distinct.</summary>
    internal ValueCounts Values { get; }

    /// <summary>Counts of non-numeric values.</summary>
    internal CategoryCounts Categories { get; }

    /// <summary>Uniform sample of the numbers.</summary>
    internal ReservoirSample Sample { get; }

    /// <summary>Adds a number; NaN and ±Inf count as missing.</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            Missing++;
            return;
        }

        Count++;
        var n = ++NumericCount;
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }

        var delta = value - Mean;
        Mean += delta / n;
        SumOfSquares += delta * (value - Mean);
        Quantiles.Add(value);
        Values.Add(value);
        Sample.Add(value);
    }

    /// <summary>Adds a cell: null or empty is missing, a number (invariant culture) goes to <see cref="Add(double)"/>, anything else is a category.</summary>
    public void Add(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Missing++;
            return;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            Add(number);
            return;
        }

        Count++;
        Categories.Add(value);
    }

    /// <summary>
    /// Adds a value of a column known to be categorical (as <see cref="CategoricalColumnData"/> holds it): null is
    /// missing, anything else — the empty string and numeric text included — is a category.
    /// </summary>
    internal void AddCategory(string? value)
    {
        if (value is null)
        {
            Missing++;
            return;
        }

        Count++;
        Categories.Add(value);
    }

    /// <summary>Adds everything <paramref name="other"/> summarises (same settings expected).</summary>
    public void Merge(ColumnProfile other)
    {
        Count += other.Count;
        Missing += other.Missing;
        if (other.NumericCount > 0)
        {
            var n = NumericCount + other.NumericCount;
            var delta = other.Mean - Mean;
            SumOfSquares += other.SumOfSquares + (delta * delta * NumericCount * other.NumericCount / n);
            Mean += delta * other.NumericCount / n;
            NumericCount = n;
            Min = Math.Min(Min, other.Min);
            Max = Math.Max(Max, other.Max);
        }

        Quantiles.Merge(other.Quantiles);
        Values.Merge(other.Values);
        Categories.Merge(other.Categories);
        Sample.Merge(other.Sample);
    }

    internal void Restore(long count, long missing, long numericCount, double min, double max, double mean, double sumOfSquares, KllSketch quantiles)
    {
        Count = count;
        Missing = missing;
        NumericCount = numericCount;
        Min = min;
        Max = max;
        Mean = mean;
        SumOfSquares = sumOfSquares;
        Quantiles = quantiles;
    }
}
