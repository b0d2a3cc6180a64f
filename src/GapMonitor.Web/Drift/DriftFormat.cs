using System.Globalization;

namespace GapMonitor.Web.Drift;

/// <summary>How drift numbers read in the report: invariant culture, short.</summary>
public static class DriftFormat
{
    /// <summary>A score or threshold: four significant digits; "–" when there is none.</summary>
    public static string Score(double value) => double.IsNaN(value)
        ? "–"
        : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞") : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A share (0–1) as a percentage with up to one decimal.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A coordinate in a chart: one decimal at most.</summary>
    public static string Coordinate(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A time in UTC, to the minute.</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A category as a label: the empty string shows as "(empty)".</summary>
    public static string Category(string label) => label.Length == 0 ? "(empty)" : label;
}
