using System.Globalization;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Core.Performance;

/// <summary>
/// How model outputs and targets become the text a <see cref="PredictionRecord"/> keeps: a number (or a string holding
/// one) in invariant "R" form, so 1, 1.0 and "1.0" are all "1"; a boolean (or "true"/"false") is "1" or "0"; other text
/// stays as written, cut to <see cref="MaxLabel"/>. Null, missing, objects and arrays have no label.
/// </summary>
public static class OutputText
{
    /// <summary>Correlation ids longer than this are not kept (a label could not name them); ids are GUIDs or similar, and every kept row holds one.</summary>
    public const int MaxCorrelationId = 128;

    /// <summary>Class labels are cut to this length: every kept row holds one or two, so it bounds a window's memory.</summary>
    public const int MaxLabel = 128;

    public static string? Label(OutputValue value) => value.Kind switch
    {
        TelemetryValueKind.Number => Format(value.Number),
        TelemetryValueKind.Boolean => value.Number != 0 ? "1" : "0",
        TelemetryValueKind.String => Label(value.Text),
        _ => null,
    };

    public static string? Label(string? text)
    {
        if (text is null || (text = text.Trim()).Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return Format(number);
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag ? "1" : "0";
        }

        return TelemetryText.Truncate(text, MaxLabel);
    }

    /// <summary>A finite number: the value itself, or a string holding one.</summary>
    public static double? Number(OutputValue value) => value.Kind switch
    {
        TelemetryValueKind.Number => value.Number,
        TelemetryValueKind.String when double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) => n,
        _ => null,
    };

    /// <summary>A correlation id: a string as written, a number in "R" form; null when absent or too long.</summary>
    public static string? CorrelationId(OutputValue value)
    {
        var text = value.Kind switch
        {
            TelemetryValueKind.String => value.Text,
            TelemetryValueKind.Number => Format(value.Number),
            _ => null,
        };
        return string.IsNullOrEmpty(text) || text.Length > MaxCorrelationId ? null : text;
    }

    private static string Format(double number) => (number == 0 ? 0 : number).ToString("R", CultureInfo.InvariantCulture);
}
