using System.Text.Json;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Drift.Tests.Performance;

/// <summary>Reads golden/performance_golden.json (written by golden/make_performance_golden.py with scikit-learn 1.2.1).</summary>
internal static class PerformanceGolden
{
    public const double RealizedTolerance = 1e-9;
    public const double EstimateTolerance = 1e-6;

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "performance_golden.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static TheoryData<string> Names(string section) =>
        new(Root.GetProperty(section).EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    public static JsonElement Case(string section, string name) =>
        Root.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>A sample as the script wrote it: predictions, targets (null: unlabeled) and probabilities (null: none).</summary>
    public static PerformanceSample Sample(JsonElement json)
    {
        PerformanceTasks.TryParse(json.GetProperty("task").GetString(), out var task);
        var probabilities = json.GetProperty("probabilities");
        var hasProbabilities = probabilities.ValueKind != JsonValueKind.Null;
        var classes = json.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var sample = new PerformanceSample(task, classes, hasProbabilities);
        var predictions = json.GetProperty("predictions").EnumerateArray().ToArray();
        var targets = json.GetProperty("targets").EnumerateArray().ToArray();
        var rows = hasProbabilities ? probabilities.EnumerateArray().ToArray() : [];
        for (var i = 0; i < predictions.Length; i++)
        {
            var target = targets[i];
            var known = target.ValueKind != JsonValueKind.Null;
            switch (task)
            {
                case PerformanceTask.Regression:
                    sample.AddRegression(predictions[i].GetDouble(), known ? target.GetDouble() : null);
                    break;
                case PerformanceTask.BinaryClassification:
                    sample.AddClassification(
                        predictions[i].GetInt32(),
                        hasProbabilities ? [rows[i].GetDouble()] : [],
                        known ? target.GetInt32() : null);
                    break;
                default:
                    sample.AddClassification(
                        sample.ClassIndex(predictions[i].GetString()!),
                        hasProbabilities ? rows[i].EnumerateArray().Select(p => p.GetDouble()).ToArray() : [],
                        known ? sample.ClassIndex(target.GetString()!) : null);
                    break;
            }
        }

        return sample;
    }

    public static double? Optional(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    /// <summary>The expected metrics (null: the whole dictionary is expected to be null) against the actual ones.</summary>
    public static void AssertMetrics(JsonElement expected, IReadOnlyDictionary<string, double?>? actual, double tolerance, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        var names = expected.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var metric in expected.EnumerateObject())
        {
            var want = Optional(metric.Value);
            var got = actual[metric.Name];
            if (want is null)
            {
                Assert.True(got is null, $"{what} {metric.Name}: expected null (undefined), got {got:R}");
                continue;
            }

            Assert.True(got is not null, $"{what} {metric.Name}: expected {want:R}, got null");
            AssertNear(want.Value, got.Value, tolerance, $"{what} {metric.Name}");
        }
    }

    /// <summary>Relative difference for values away from zero, absolute near it (metrics near 0 have no scale).</summary>
    public static void AssertNear(double expected, double actual, double tolerance, string what)
    {
        var difference = Math.Abs(expected - actual);
        var scale = Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual)));
        Assert.True(difference <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R} (difference {difference:E2})");
    }
}
