using System.Globalization;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Drift.Distributions;

/// <summary>
/// Reference-vs-current distributions of every column on both sides, for charts: numeric columns as histograms on
/// shared equal-width bin edges over the combined range (numpy's <c>histogram_bin_edges(concatenate([ref, cur]),
/// bins)</c>; a constant column gets one bin), categorical columns as their most frequent categories (by reference
/// count, then current count, then name) and one "other" bar for the rest. Shares are of each side's non-missing
/// values. Columns come in the reference's order; one-sided columns are left out.
/// </summary>
public static class DistributionCalculator
{
    /// <summary>The default number of bars: histogram bins of a numeric column, categories shown before "other".</summary>
    public const int DefaultBars = 20;

    /// <summary>The most bars a column may ask for.</summary>
    public const int MaxBars = 50;

    /// <summary>The label of the bar that gathers the categories not shown on their own.</summary>
    public const string OtherLabel = "(other)";

    /// <summary>Category labels are cut to this many characters (with "…") so that a stored window stays small.</summary>
    public const int MaxLabelLength = 64;

    /// <summary>From the raw columns (the CLI), for the columns present on both sides.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bars"/> is not between 1 and <see cref="MaxBars"/>.</exception>
    public static IReadOnlyList<ColumnDistribution> Compare(IReadOnlyList<ColumnData> reference, IReadOnlyList<ColumnData> current, int bars)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        CheckBars(bars);
        var currentByName = new Dictionary<string, ColumnData>(StringComparer.Ordinal);
        foreach (var column in current)
        {
            currentByName.TryAdd(column.Name, column);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ColumnDistribution>();
        foreach (var r in reference)
        {
            if (!seen.Add(r.Name) || !currentByName.TryGetValue(r.Name, out var c))
            {
                continue;
            }

            result.Add(r is NumericColumnData rn && c is NumericColumnData cn
                ? NumericDistribution.FromValues(r.Name, Finite(rn.Values), Finite(cn.Values), bars)
                : CategoryDistribution.FromCounts(r.Name, CountCategories(r), CountCategories(c), 0, 0, bars));
        }

        return result;
    }

    /// <summary>
    /// From profiles (a stored window against its reference), for the columns present on both sides: exact while a
    /// profile's sample holds every number, else bin shares from its quantile sketch; categories from the kept
    /// top categories, with the profile's uncounted remainder in "other".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bars"/> is not between 1 and <see cref="MaxBars"/>.</exception>
    public static IReadOnlyList<ColumnDistribution> Compare(DatasetProfile reference, DatasetProfile current, int bars)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        CheckBars(bars);
        var currentByName = current.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var result = new List<ColumnDistribution>();
        foreach (var r in reference.Columns)
        {
            if (!currentByName.TryGetValue(r.Name, out var c))
            {
                continue;
            }

            result.Add(NumericOrEmpty(r) && NumericOrEmpty(c) && (r.IsNumeric || c.IsNumeric)
                ? NumericDistribution.FromProfiles(r.Name, r, c, bars)
                : CategoryDistribution.FromCounts(r.Name, ProfileCategories(r), ProfileCategories(c), Uncounted(r), Uncounted(c), bars));
        }

        return result;
    }

    private static void CheckBars(int bars)
    {
        if (bars is < 1 or > MaxBars)
        {
            throw new ArgumentOutOfRangeException(nameof(bars), bars, $"Bars must lie between 1 and {MaxBars}.");
        }
    }

    private static bool NumericOrEmpty(ColumnProfile profile) => profile.Count == 0 || profile.IsNumeric;

    private static double[] Finite(double[] values) => values.Where(double.IsFinite).ToArray();

    private static Dictionary<string, long> CountCategories(ColumnData column)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        switch (column)
        {
            case CategoricalColumnData categorical:
                foreach (var value in categorical.Values)
                {
                    if (value is not null)
                    {
                        counts[value] = counts.GetValueOrDefault(value) + 1;
                    }
                }

                break;
            case NumericColumnData numeric:
                foreach (var value in numeric.Values)
                {
                    if (double.IsFinite(value))
                    {
                        var key = value.ToString("R", CultureInfo.InvariantCulture);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }

                break;
            default:
                throw new ArgumentException($"Column '{column.Name}' is a {column.GetType().Name}; only NumericColumnData and CategoricalColumnData are supported.", nameof(column));
        }

        return counts;
    }

    /// <summary>The kept categories, and the exactly counted numbers of a mixed column as text.</summary>
    private static Dictionary<string, long> ProfileCategories(ColumnProfile profile)
    {
        var counts = profile.Categories.Counts.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (value, count) in profile.Values.Counts)
        {
            var key = value.ToString("R", CultureInfo.InvariantCulture);
            counts[key] = counts.GetValueOrDefault(key) + count;
        }

        return counts;
    }

    private static long Uncounted(ColumnProfile profile) => Math.Max(0, profile.Count - ProfileCategories(profile).Values.Sum());
}
