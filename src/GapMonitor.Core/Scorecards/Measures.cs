using System.Globalization;

namespace GapMonitor.Core.Scorecards;

/// <summary>Builds measures: the value rounded for people (shares to 4 places, hours and days to 2), and whether it meets its target.</summary>
public static class Measures
{
    public const string AtLeast = "at-least";
    public const string AtMost = "at-most";
    public const string Share = "share";
    public const string Hours = "hours";
    public const string Days = "days";
    public const string Count = "count";

    public static ScorecardMeasure Of(string practice, string measure, double? value, double target, string comparison, string unit, string detail)
    {
        var rounded = value is { } v ? Math.Round(v, unit == Share ? 4 : 2, MidpointRounding.AwayFromZero) : (double?)null;
        bool? met = rounded is { } r ? (comparison == AtLeast ? r >= target : r <= target) : null;
        return new ScorecardMeasure(practice, measure, rounded, target, comparison, unit, met, detail);
    }

    /// <summary>0–100: the share of measures with a value that meet their target; null when none has a value.</summary>
    public static int? Score(IReadOnlyCollection<ScorecardMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var valued = measures.Count(m => m.Met is not null);
        return valued == 0 ? null : (int)Math.Round(100.0 * measures.Count(m => m.Met == true) / valued, MidpointRounding.AwayFromZero);
    }

    /// <summary>The median; null for none.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>" (only the first N …)" when a read stopped at its cap, otherwise nothing.</summary>
    public static string CapNote(bool capped, int cap, string what) =>
        capped ? string.Create(CultureInfo.InvariantCulture, $" Only the first {cap} {what} were read (cap).") : "";
}
