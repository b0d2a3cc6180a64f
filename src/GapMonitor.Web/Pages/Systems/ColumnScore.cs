using System.Globalization;
using System.Text.Json;

namespace GapMonitor.Web.Pages.Systems;

/// <summary>One column of a stored drift report: its method, score and threshold (a p-value drifts below it, a distance at or above).</summary>
public sealed record ColumnScore(string Name, string Type, string Method, double? Score, double? Threshold, bool Drifted)
{
    /// <summary>The columns of a drift report in the CLI's JSON shape (API.md, "Drift report"); none when it is missing or unreadable.</summary>
    public static IReadOnlyList<ColumnScore> Parse(string? reportJson)
    {
        if (string.IsNullOrEmpty(reportJson))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(reportJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. columns.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(c => new ColumnScore(
                Text(c, "name"),
                Text(c, "type"),
                Text(c, "method"),
                Number(c, "score"),
                Number(c, "threshold"),
                c.TryGetProperty("drifted", out var d) && d.ValueKind == JsonValueKind.True))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static double? Number(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;
}
