using System.Globalization;

namespace GapMonitor.Web.Charts;

/// <summary>Numbers as SVG attributes and table cells write them: invariant culture, few digits.</summary>
public static class ChartNumbers
{
    /// <summary>A coordinate: one decimal.</summary>
    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A measured value: up to four significant decimals, or a dash when there is none.</summary>
    public static string Value(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : "–";

    /// <summary>A share as a percentage.</summary>
    public static string Percent(double value) => value.ToString("0.#%", CultureInfo.InvariantCulture);

    /// <summary>A time as the console shows it: UTC, to the minute.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A time or a dash.</summary>
    public static string Time(DateTimeOffset? at) => at is { } t ? Time(t) : "–";

    /// <summary>Where <paramref name="value"/> lies on an axis from <paramref name="min"/> to <paramref name="max"/> drawn from <paramref name="start"/> over <paramref name="length"/>.</summary>
    public static double Scale(double value, double min, double max, double start, double length) =>
        max <= min ? start : start + ((Math.Clamp(value, min, max) - min) / (max - min) * length);
}
