using System.Globalization;
using System.Text.Json;
using GapMonitor.Core.Notifications;

namespace GapMonitor.Cli.Ops;

/// <summary>Values of the API's JSON as table cells: times as <c>2026-12-01 13:23 UTC</c>, missing values as a dash.</summary>
internal static class OpsText
{
    public const string None = "–";

    public static string String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : None;

    /// <summary>The first of <paramref name="names"/> that holds a string.</summary>
    public static string FirstString(JsonElement element, params string[] names) =>
        names.Select(n => String(element, n)).FirstOrDefault(v => v != None) ?? None;

    public static string Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at)
            ? HumanTime.Format(at)
            : None;

    public static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : 0;

    public static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static JsonElement Object(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    /// <summary><c>{"drift-detected": 2, "monitoring-silent": 1}</c> as <c>drift-detected 2, monitoring-silent 1</c>.</summary>
    public static string Counts(JsonElement element, string name)
    {
        var counts = Object(element, name);
        if (counts.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        var parts = counts.EnumerateObject().Select(p => $"{p.Name} {p.Value}").ToList();
        return parts.Count == 0 ? None : string.Join(", ", parts);
    }

    public static int Sum(JsonElement element, string name)
    {
        var counts = Object(element, name);
        return counts.ValueKind != JsonValueKind.Object ? 0 : counts.EnumerateObject().Sum(p => p.Value.TryGetInt32(out var n) ? n : 0);
    }

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
