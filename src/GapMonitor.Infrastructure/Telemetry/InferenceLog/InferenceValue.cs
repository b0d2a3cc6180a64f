using System.Globalization;
using System.Text.Json;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>One cell, detached from the JSON it came from.</summary>
/// <param name="Number">The number for <see cref="TelemetryValueKind.Number"/>; 1 or 0 for booleans; NaN otherwise.</param>
/// <param name="Text">The string, "true"/"false" for booleans, the raw JSON for <see cref="TelemetryValueKind.Other"/>; null otherwise.</param>
public readonly record struct InferenceValue(TelemetryValueKind Kind, double Number, string? Text)
{
    public static readonly InferenceValue Missing = new(TelemetryValueKind.Missing, double.NaN, null);

    public static readonly InferenceValue Null = new(TelemetryValueKind.Null, double.NaN, null);

    public bool IsMissingOrNull => Kind is TelemetryValueKind.Missing or TelemetryValueKind.Null;

    public static InferenceValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDouble(out var number) && double.IsFinite(number) =>
            new(TelemetryValueKind.Number, number, null),
        JsonValueKind.String => new(TelemetryValueKind.String, double.NaN, element.GetString()),
        JsonValueKind.True => new(TelemetryValueKind.Boolean, 1, "true"),
        JsonValueKind.False => new(TelemetryValueKind.Boolean, 0, "false"),
        JsonValueKind.Null or JsonValueKind.Undefined => Null,
        _ => new(TelemetryValueKind.Other, double.NaN, element.GetRawText()),
    };

    public override string ToString() => Kind switch
    {
        TelemetryValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        TelemetryValueKind.Missing or TelemetryValueKind.Null => "",
        _ => Text ?? "",
    };
}
