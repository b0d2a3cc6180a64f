using System.Globalization;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Performance;

/// <summary>
/// How a posted label becomes the target text a <see cref="PredictionRecord"/> keeps, the same way model outputs are
/// stored: a number (or a string holding one) in invariant "R" form, so 1, 1.0 and "1.0" are all "1"; a boolean (or
/// "true"/"false") is "1" or "0"; other text stays as written. Binary targets must then be "0" or "1", regression ones
/// numbers.
/// </summary>
public static class LabelText
{
    /// <summary>The target text of a number; null when not finite.</summary>
    public static string? Number(double value) =>
        double.IsFinite(value) ? (value == 0 ? 0 : value).ToString("R", CultureInfo.InvariantCulture) : null;

    public static string Boolean(bool value) => value ? "1" : "0";

    /// <summary>The target text of a string; null when empty.</summary>
    public static string? Text(string? text)
    {
        if (text is null || (text = text.Trim()).Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return Number(number);
        }

        return bool.TryParse(text, out var flag) ? Boolean(flag) : TelemetryText.Truncate(text, TelemetryText.MaxValue);
    }

    /// <summary>Why <paramref name="label"/> (already normalised) is no target of a <paramref name="task"/> model; null when it is one.</summary>
    public static string? Refusal(PerformanceTask task, string? label) => task switch
    {
        _ when label is null => "A class label or number (string, number or boolean).",
        PerformanceTask.BinaryClassification when label is not ("0" or "1") => "A binary target is 0 or 1 (or false / true).",
        PerformanceTask.Regression when !double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => "A regression target is a number.",
        _ => null,
    };
}
