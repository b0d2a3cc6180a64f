using System.Text.Json;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Core.Performance;

/// <summary>One cell of a row with model outputs, whether pushed as JSON or read from a data-collector log.</summary>
/// <param name="Number">The number of a <see cref="TelemetryValueKind.Number"/>; 1 or 0 for a boolean; NaN otherwise.</param>
/// <param name="Text">The string of a <see cref="TelemetryValueKind.String"/>; null otherwise (or the raw JSON of an <see cref="TelemetryValueKind.Other"/>).</param>
public readonly record struct OutputValue(TelemetryValueKind Kind, double Number, string? Text)
{
    public static OutputValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDouble(out var number) && double.IsFinite(number) => new(TelemetryValueKind.Number, number, null),
        JsonValueKind.String => new(TelemetryValueKind.String, double.NaN, element.GetString()),
        JsonValueKind.True => new(TelemetryValueKind.Boolean, 1, null),
        JsonValueKind.False => new(TelemetryValueKind.Boolean, 0, null),
        JsonValueKind.Null or JsonValueKind.Undefined => new(TelemetryValueKind.Null, double.NaN, null),
        _ => new(TelemetryValueKind.Other, double.NaN, element.GetRawText()),
    };
}
