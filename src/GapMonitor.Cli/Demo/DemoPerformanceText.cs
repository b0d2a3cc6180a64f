using System.Globalization;
using System.Text.Json;

namespace GapMonitor.Cli.Demo;

/// <summary>A window's <c>performance</c> in one line: ROC AUC realized and estimated against the lower threshold.</summary>
internal static class DemoPerformanceText
{
    public static string Describe(JsonElement performance)
    {
        if (performance.ValueKind != JsonValueKind.Object)
        {
            return "no performance measured";
        }

        var realized = Metric(performance, "realized");
        var estimated = Metric(performance, "estimated");
        var lower = performance.TryGetProperty("thresholds", out var thresholds) && thresholds.ValueKind == JsonValueKind.Object
            && thresholds.TryGetProperty("roc_auc", out var band) && band.TryGetProperty("lower", out var low) && low.ValueKind == JsonValueKind.Number
                ? low.GetDouble().ToString("0.00", CultureInfo.InvariantCulture)
                : "—";
        return $"ROC AUC realized {realized} (on {performance.GetProperty("labeledRows").GetInt64()} labeled rows), estimated {estimated}, lower threshold {lower}";
    }

    private static string Metric(JsonElement performance, string source) =>
        performance.TryGetProperty(source, out var metrics) && metrics.ValueKind == JsonValueKind.Object
            && metrics.TryGetProperty("roc_auc", out var value) && value.ValueKind == JsonValueKind.Number
                ? value.GetDouble().ToString("0.00", CultureInfo.InvariantCulture)
                : "—";
}
