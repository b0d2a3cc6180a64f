using System.Text.Json;
using System.Text.Json.Serialization;

namespace GapMonitor.Core.Notifications;

/// <summary>The webhook body of API.md: <c>{ type, timestamp, data: { alert, system } }</c>.</summary>
public sealed record NotificationEnvelope(string Type, DateTimeOffset Timestamp, NotificationData Data)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcDateTimeOffsetConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static NotificationEnvelope FromJson(string json) =>
        JsonSerializer.Deserialize<NotificationEnvelope>(json, JsonOptions)
        ?? throw new JsonException("Empty notification body.");
}
