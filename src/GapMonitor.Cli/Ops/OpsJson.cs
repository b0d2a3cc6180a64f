using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GapMonitor.Cli.Ops;

/// <summary>JSON as the ops commands send it (camelCase, nulls left out) and print it (the API's document, indented).</summary>
internal static class OpsJson
{
    public static readonly JsonSerializerOptions Request = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Indented(JsonElement element) => JsonSerializer.Serialize(element, Pretty);
}
