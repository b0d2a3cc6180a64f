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

public sealed record NotificationData(AlertSnapshot Alert, SystemSnapshot System);

public sealed record AlertSnapshot(
    string Id,
    string Kind,
    string State,
    string SystemId,
    DateTimeOffset OpenedAt,
    string Summary,
    DateTimeOffset? AcknowledgedAt = null,
    string? AcknowledgedBy = null,
    string? AcknowledgementNote = null,
    DateTimeOffset? EscalatedAt = null,
    DateTimeOffset? ResolvedAt = null,
    string? Resolution = null,
    string? Owner = null);

public sealed record SystemSnapshot(string Id, string Name, string Vendor, string Customer);
