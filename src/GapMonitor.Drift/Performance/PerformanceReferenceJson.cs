using System.Text;
using System.Text.Json;

namespace GapMonitor.Drift.Performance;

/// <summary>
/// Stores a fitted <see cref="PerformanceReference"/> as JSON, so it is fitted once per reference version. Doubles are
/// written shortest-round-trip, so reading gives back the same values; infinite threshold sides (which check
/// nothing) are stored as absent.
/// </summary>
public static class PerformanceReferenceJson
{
    /// <summary>The reference as JSON text.</summary>
    /// <param name="reference">The fitted reference.</param>
    public static string Serialize(PerformanceReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("task", PerformanceTasks.Name(reference.Task));
            json.WriteStartArray("classes");
            foreach (var label in reference.Classes)
            {
                json.WriteStringValue(label);
            }

            json.WriteEndArray();
            json.WriteNumber("rows", reference.Rows);
            json.WriteNumber("chunks", reference.Chunks);
            json.WriteStartObject("metrics");
            foreach (var (metric, value) in reference.Metrics)
            {
                Number(json, metric, value);
            }

            json.WriteEndObject();
            json.WriteStartObject("thresholds");
            foreach (var (metric, threshold) in reference.Thresholds)
            {
                json.WriteStartObject(metric);
                Number(json, "lower", threshold.Lower);
                Number(json, "upper", threshold.Upper);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartArray("calibration");
            foreach (var calibrator in reference.Calibration)
            {
                json.WriteStartObject();
                Numbers(json, "x", calibrator.X);
                Numbers(json, "y", calibrator.Y);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote.</summary>
    /// <param name="json">The JSON text.</param>
    public static PerformanceReference Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var taskName = root.GetProperty("task").GetString();
        if (!PerformanceTasks.TryParse(taskName, out var task))
        {
            throw new JsonException($"'{taskName}' is not a performance task.");
        }

        var metrics = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var metric in root.GetProperty("metrics").EnumerateObject())
        {
            metrics[metric.Name] = metric.Value.ValueKind == JsonValueKind.Null ? null : metric.Value.GetDouble();
        }

        var thresholds = new Dictionary<string, MetricThreshold>(StringComparer.Ordinal);
        foreach (var metric in root.GetProperty("thresholds").EnumerateObject())
        {
            thresholds[metric.Name] = new MetricThreshold(Optional(metric.Value, "lower"), Optional(metric.Value, "upper"));
        }

        var calibration = root.GetProperty("calibration").EnumerateArray()
            .Select(c => new IsotonicCalibrator(Doubles(c.GetProperty("x")), Doubles(c.GetProperty("y"))))
            .ToList();
        return new PerformanceReference(
            task,
            root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToList(),
            root.GetProperty("rows").GetInt64(),
            root.GetProperty("chunks").GetInt32(),
            metrics,
            thresholds,
            calibration);
    }

    private static double? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDouble() : null;

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static void Numbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
