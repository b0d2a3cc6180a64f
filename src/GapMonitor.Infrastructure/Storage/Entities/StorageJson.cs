using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary>Nested values (contacts, model) are stored as JSON strings; durations as ISO 8601 strings.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string? json, T fallback) =>
        string.IsNullOrEmpty(json) ? fallback : JsonSerializer.Deserialize<T>(json, Options) ?? fallback;

    public static string Duration(TimeSpan value) => XmlConvert.ToString(value);

    public static TimeSpan Duration(string? value) => string.IsNullOrEmpty(value) ? TimeSpan.Zero : XmlConvert.ToTimeSpan(value);
}
