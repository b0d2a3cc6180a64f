using System.Globalization;
using System.Text.Json;

namespace GapMonitor.Drift.Tests;

/// <summary>Reads golden/drift_golden.json (written by golden/make_drift_golden.py with scipy 1.10).</summary>
internal static class Golden
{
    public const double StatisticTolerance = 1e-9;
    public const double PValueTolerance = 1e-6;

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "drift_golden.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static IEnumerable<JsonElement> Section(string name) => Root.GetProperty(name).EnumerateArray();

    public static double Number(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? double.Parse(element.GetString()!, CultureInfo.InvariantCulture)
        : element.GetDouble();

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(Number).ToArray();

    public static string?[] Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()).ToArray();

    /// <summary>Relative agreement, with exact agreement required for zeros and infinities.</summary>
    public static void AssertClose(double expected, double actual, double relativeTolerance, string what)
    {
        if (expected == actual || (double.IsNaN(expected) && double.IsNaN(actual)))
        {
            return;
        }

        var relative = Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(
            relative <= relativeTolerance,
            $"{what}: expected {expected:R}, got {actual:R} (relative difference {relative:E2} > {relativeTolerance:E0})");
    }
}
