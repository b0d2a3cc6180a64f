using System.Globalization;
using System.Text.Json;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>What a cell of an inference row holds.</summary>
public enum InferenceValueKind
{
    /// <summary>The row has no such feature.</summary>
    Missing,
    Null,
    Number,
    String,
    Boolean,

    /// <summary>An object or array (outside the documented layout); <see cref="InferenceValue.Text"/> holds its raw JSON.</summary>
    Other,
}

/// <summary>One cell, detached from the JSON it came from.</summary>
/// <param name="Number">The number for <see cref="InferenceValueKind.Number"/>; 1 or 0 for booleans; NaN otherwise.</param>
/// <param name="Text">The string, "true"/"false" for booleans, the raw JSON for <see cref="InferenceValueKind.Other"/>; null otherwise.</param>
public readonly record struct InferenceValue(InferenceValueKind Kind, double Number, string? Text)
{
    public static readonly InferenceValue Missing = new(InferenceValueKind.Missing, double.NaN, null);

    public static readonly InferenceValue Null = new(InferenceValueKind.Null, double.NaN, null);

    public bool IsMissingOrNull => Kind is InferenceValueKind.Missing or InferenceValueKind.Null;

    public static InferenceValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDouble(out var number) && double.IsFinite(number) =>
            new(InferenceValueKind.Number, number, null),
        JsonValueKind.String => new(InferenceValueKind.String, double.NaN, element.GetString()),
        JsonValueKind.True => new(InferenceValueKind.Boolean, 1, "true"),
        JsonValueKind.False => new(InferenceValueKind.Boolean, 0, "false"),
        JsonValueKind.Null or JsonValueKind.Undefined => Null,
        _ => new(InferenceValueKind.Other, double.NaN, element.GetRawText()),
    };

    public override string ToString() => Kind switch
    {
        InferenceValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        InferenceValueKind.Missing or InferenceValueKind.Null => "",
        _ => Text ?? "",
    };
}
