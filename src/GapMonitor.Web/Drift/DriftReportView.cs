using System.Globalization;
using System.Text.Json;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift;
using GapMonitor.Drift.Distributions;

namespace GapMonitor.Web.Drift;

/// <summary>Everything a drift report shows: the summary, the per-column verdicts and each column's distributions.</summary>
/// <param name="Title">The report's title.</param>
/// <param name="ReferenceRows">Rows in the reference; null when a stored window does not say.</param>
/// <param name="CurrentRows">Rows in the current data or window.</param>
/// <param name="DriftedColumns">How many compared columns drifted.</param>
/// <param name="DriftShare">Drifted columns / compared columns.</param>
/// <param name="DatasetDrift">The dataset verdict.</param>
/// <param name="WindowStart">A stored window's start.</param>
/// <param name="WindowEnd">A stored window's end.</param>
/// <param name="Columns">The compared columns, in the reference's order.</param>
/// <param name="Skipped">Columns that could not be compared.</param>
/// <param name="Distributions">Reference-vs-current distributions, in the reference's column order.</param>
public sealed record DriftReportView(
    string Title,
    long? ReferenceRows,
    long CurrentRows,
    int DriftedColumns,
    double DriftShare,
    bool DatasetDrift,
    DateTimeOffset? WindowStart,
    DateTimeOffset? WindowEnd,
    IReadOnlyList<DriftColumnRow> Columns,
    IReadOnlyList<DriftSkippedRow> Skipped,
    IReadOnlyList<ColumnDistribution> Distributions)
{
    /// <summary>From a freshly computed report (the CLI).</summary>
    public static DriftReportView FromReport(DriftReport report, IReadOnlyList<ColumnDistribution> distributions, string title = "Drift report")
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(distributions);
        return new DriftReportView(
            title,
            report.ReferenceRows,
            report.CurrentRows,
            report.DriftedColumns,
            report.DriftShare,
            report.DatasetDrift,
            null,
            null,
            report.Columns.Select(c => new DriftColumnRow(
                c.Name, c.Type == ColumnType.Numeric ? "numeric" : "categorical", DriftMethods.Name(c.Method), c.Score, c.Threshold, c.Drifted)).ToList(),
            report.Skipped.Select(s => new DriftSkippedRow(s.Name, s.Description)).ToList(),
            distributions);
    }

    /// <summary>From a stored window: its report JSON (the CLI's shape, as DriftJsonWriter writes it) and its stored distributions.</summary>
    public static DriftReportView FromWindow(DriftWindowRecord record, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        title ??= string.Create(CultureInfo.InvariantCulture, $"Drift window {record.WindowStart.UtcDateTime:yyyy-MM-dd HH:mm} – {record.WindowEnd.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        long? referenceRows = null;
        var currentRows = record.Rows;
        List<DriftColumnRow> columns = [];
        List<DriftSkippedRow> skipped = [];
        if (!string.IsNullOrWhiteSpace(record.ReportJson))
        {
            using var document = JsonDocument.Parse(record.ReportJson);
            var root = document.RootElement;
            referenceRows = Rows(root, "reference");
            currentRows = Rows(root, "current") ?? currentRows;
            if (root.TryGetProperty("columns", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                columns = list.EnumerateArray().Select(c => new DriftColumnRow(
                    Text(c, "name"), Text(c, "type"), Text(c, "method"), Number(c, "score"), Number(c, "threshold"),
                    c.TryGetProperty("drifted", out var d) && d.ValueKind == JsonValueKind.True)).ToList();
            }

            if (root.TryGetProperty("skippedColumns", out var skippedList) && skippedList.ValueKind == JsonValueKind.Array)
            {
                skipped = skippedList.EnumerateArray().Select(c => new DriftSkippedRow(Text(c, "name"), Text(c, "reason"))).ToList();
            }
        }

        return new DriftReportView(
            title,
            referenceRows,
            currentRows,
            record.DriftedColumns.Count,
            record.DriftShare,
            record.DatasetDrift,
            record.WindowStart,
            record.WindowEnd,
            columns,
            skipped,
            record.Distributions ?? []);
    }

    private static long? Rows(JsonElement root, string side) =>
        root.TryGetProperty(side, out var s) && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("rows", out var r) && r.TryGetInt64(out var rows)
            ? rows
            : null;

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    /// <summary>A number, or the strings "NaN", "Infinity" and "-Infinity" the writer uses for non-finite ones.</summary>
    private static double Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return double.NaN;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
    }
}
