using System.Text.Json;
using System.Text.Json.Serialization;
using GapMonitor.Core.Notifications;

namespace GapMonitor.Api.Pipeline;

public static class ApiJson
{
    /// <summary>camelCase, enums as camelCase strings, nulls omitted.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>For bodies read as documents (telemetry rows): a member named twice is an error, as in <see cref="Options"/>.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
