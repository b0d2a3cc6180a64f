using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GapMonitor.Core.Notifications;

/// <summary>Writes times as ISO 8601 UTC with a <c>Z</c> (<c>2026-11-26T08:00:00Z</c>), as the API contract says; reads any offset.</summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
