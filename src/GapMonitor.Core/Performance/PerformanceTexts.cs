using System.Globalization;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Performance;

/// <summary>How performance verdicts read in alerts.</summary>
public static class PerformanceTexts
{
    public static string Describe(MetricBreach breach)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var value = breach.Value.ToString("0.####", CultureInfo.InvariantCulture);
        return breach.Value < breach.Lower
            ? $"{breach.Metric} {value} below {breach.Lower.Value.ToString("0.####", CultureInfo.InvariantCulture)}"
            : $"{breach.Metric} {value} above {breach.Upper?.ToString("0.####", CultureInfo.InvariantCulture)}";
    }
}
