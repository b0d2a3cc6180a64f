using System.Text.Json;
using System.Text.Json.Serialization;
using GapMonitor.Core.Performance;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// The stored form of <see cref="WindowPredictions"/>: compact (one short-named object per kept row, nulls left out),
/// NaN kept as "NaN" (a multiclass row lacking a class).
/// </summary>
internal static class WindowPredictionsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static byte[] Serialize(DateTimeOffset windowStart, DateTimeOffset windowEnd, WindowPredictions predictions) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new DocumentDto(windowStart, windowEnd, ToDto(predictions)),
            Options);

    public static (DateTimeOffset WindowStart, DateTimeOffset WindowEnd, WindowPredictions Predictions) Deserialize(BinaryData data)
    {
        var dto = data.ToObjectFromJson<DocumentDto>(Options) ?? throw new JsonException("Empty pending predictions.");
        return (dto.Start, dto.End, FromDto(dto.Predictions));
    }

    public static PredictionsDto ToDto(WindowPredictions predictions) => new(
        predictions.ProbabilityClasses.Count == 0 ? null : [.. predictions.ProbabilityClasses],
        predictions.Rows,
        [.. predictions.Kept.Select(r => new RowDto(r.CorrelationId, r.Prediction, r.Probabilities is null ? null : [.. r.Probabilities], r.Target))]);

    public static WindowPredictions FromDto(PredictionsDto? dto) => dto is null
        ? new WindowPredictions()
        : new WindowPredictions
        {
            ProbabilityClasses = [.. dto.Classes ?? []],
            Rows = dto.Rows,
            Kept = [.. (dto.Kept ?? []).Select(r => new PredictionRecord(r.Id, r.P, r.Q, r.T))],
        };

    internal sealed record DocumentDto(DateTimeOffset Start, DateTimeOffset End, PredictionsDto? Predictions);

    internal sealed record PredictionsDto(List<string>? Classes, long Rows, List<RowDto>? Kept);

    /// <summary>One kept row: correlation id, prediction, probabilities, target.</summary>
    internal sealed record RowDto(string? Id, string P, double[]? Q, string? T);
}
