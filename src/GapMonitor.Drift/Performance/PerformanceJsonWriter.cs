using System.Text;
using System.Text.Json;

namespace GapMonitor.Drift.Performance;

/// <summary>
/// Writes a <see cref="PerformanceReport"/> in the JSON shape of <c>gapmonitor performance --format json</c> (API.md
/// "Concept drift"): the reference's metrics and thresholds of the alert metrics, the current rows' realized and
/// estimated metrics (all of the task's), the alerts and whether any was raised. Undefined values and missing or
/// infinite threshold sides are null; an alert metric without any threshold is absent from <c>thresholds</c>.
/// </summary>
public static class PerformanceJsonWriter
{
    /// <summary>The report as JSON text.</summary>
    /// <param name="report">The report.</param>
    public static string Write(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("task", PerformanceTasks.Name(report.Task));
            WriteReference(json, report);
            WriteCurrent(json, report.Current, report.Task);
            json.WriteStartArray("alerts");
            foreach (var alert in report.Alerts)
            {
                json.WriteStartObject();
                json.WriteString("metric", alert.Metric);
                json.WriteString("source", alert.Source);
                Number(json, "value", alert.Value);
                Number(json, "lower", alert.Lower);
                Number(json, "upper", alert.Upper);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("degraded", report.Degraded);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteReference(Utf8JsonWriter json, PerformanceReport report)
    {
        var reference = report.Reference;
        json.WriteStartObject("reference");
        json.WriteNumber("rows", reference.Rows);
        json.WriteNumber("chunks", reference.Chunks);
        json.WriteStartObject("metrics");
        foreach (var metric in report.AlertMetrics)
        {
            Number(json, metric, reference.Metrics.GetValueOrDefault(metric));
        }

        json.WriteEndObject();
        json.WriteStartObject("thresholds");
        foreach (var metric in report.AlertMetrics)
        {
            if (reference.Thresholds.TryGetValue(metric, out var threshold))
            {
                json.WriteStartObject(metric);
                Number(json, "lower", threshold.Lower);
                Number(json, "upper", threshold.Upper);
                json.WriteEndObject();
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteCurrent(Utf8JsonWriter json, CurrentPerformance current, PerformanceTask task)
    {
        json.WriteStartObject("current");
        json.WriteNumber("rows", current.Rows);
        json.WriteNumber("labeledRows", current.LabeledRows);
        Metrics(json, "realized", current.Realized, task);
        Metrics(json, "estimated", current.Estimated, task);
        json.WriteEndObject();
    }

    private static void Metrics(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, double?>? values, PerformanceTask task)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (var metric in PerformanceMetrics.Of(task))
        {
            Number(json, metric, values.GetValueOrDefault(metric));
        }

        json.WriteEndObject();
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
