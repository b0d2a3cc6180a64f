using System.Text.Json;

namespace GapMonitor.Drift;

/// <summary>
/// Writes a <see cref="DriftReport"/> in the "Drift report" shape of API.md (camelCase). A non-finite number (the
/// chi-square statistic when the current data has a category the reference lacks) is written as the string
/// "Infinity", as System.Text.Json's named floating-point literals do. Columns that could not be compared appear
/// only when there are some, under "skippedColumns".
/// </summary>
public static class DriftJsonWriter
{
    /// <summary>The report as indented JSON.</summary>
    public static string Write(DriftReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("reference");
            json.WriteNumber("rows", report.ReferenceRows);
            json.WriteEndObject();
            json.WriteStartObject("current");
            json.WriteNumber("rows", report.CurrentRows);
            json.WriteEndObject();
            json.WriteStartArray("columns");
            foreach (var column in report.Columns)
            {
                WriteColumn(json, column);
            }

            json.WriteEndArray();
            json.WriteNumber("driftedColumns", report.DriftedColumns);
            Number(json, "driftShare", report.DriftShare);
            json.WriteBoolean("datasetDrift", report.DatasetDrift);
            if (report.Skipped.Count > 0)
            {
                WriteSkipped(json, report.Skipped);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteColumn(Utf8JsonWriter json, ColumnDrift column)
    {
        json.WriteStartObject();
        json.WriteString("name", column.Name);
        json.WriteString("type", column.Type == ColumnType.Numeric ? "numeric" : "categorical");
        json.WriteString("method", DriftMethods.Name(column.Method));
        Number(json, "score", column.Score);
        Number(json, "threshold", column.Threshold);
        json.WriteBoolean("drifted", column.Drifted);
        json.WriteStartObject("statistics");
        var s = column.Statistics;
        Test(json, "ks", s.Ks);
        Optional(json, "wasserstein", s.Wasserstein);
        Optional(json, "wassersteinNormed", s.WassersteinNormed);
        Test(json, "chiSquare", s.ChiSquare);
        Test(json, "zTest", s.ZTest);
        Number(json, "psi", s.Psi);
        Number(json, "jensenShannon", s.JensenShannon);
        json.WriteEndObject();
        WriteMissing(json, column.Missing);
        json.WriteEndObject();
    }

    private static void WriteSkipped(Utf8JsonWriter json, IReadOnlyList<SkippedColumn> skipped)
    {
        json.WriteStartArray("skippedColumns");
        foreach (var column in skipped)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("reason", column.Description);
            if (column.Missing is { } missing)
            {
                WriteMissing(json, missing);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteMissing(Utf8JsonWriter json, MissingCounts missing)
    {
        json.WriteStartObject("missing");
        json.WriteNumber("reference", missing.Reference);
        json.WriteNumber("current", missing.Current);
        json.WriteEndObject();
    }

    private static void Test(Utf8JsonWriter json, string name, TestResult? test)
    {
        if (test is not { } t)
        {
            return;
        }

        json.WriteStartObject(name);
        Number(json, "statistic", t.Statistic);
        Number(json, "pValue", t.PValue);
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            Number(json, name, v);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
