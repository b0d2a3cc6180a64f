using System.Text.Json;
using System.Text.Json.Serialization;
using GapMonitor.Core.Performance;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// The stored form of a closed window's <see cref="WindowPredictions"/>: its start and end with the predictions in the
/// form the telemetry state keeps them (<see cref="WindowPredictionsDto"/>), NaN kept as "NaN".
/// </summary>
internal static class WindowPredictionsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static byte[] Serialize(DateTimeOffset windowStart, DateTimeOffset windowEnd, WindowPredictions predictions) =>
        JsonSerializer.SerializeToUtf8Bytes(new DocumentDto(windowStart, windowEnd, WindowPredictionsDto.From(predictions)), Options);

    public static (DateTimeOffset WindowStart, DateTimeOffset WindowEnd, WindowPredictions Predictions) Deserialize(BinaryData data)
    {
        var dto = data.ToObjectFromJson<DocumentDto>(Options) ?? throw new JsonException("Empty pending predictions.");
        return (dto.Start, dto.End, dto.Predictions?.ToPredictions() ?? new WindowPredictions());
    }

    private sealed record DocumentDto(DateTimeOffset Start, DateTimeOffset End, WindowPredictionsDto? Predictions);
}
