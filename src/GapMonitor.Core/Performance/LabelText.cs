using System.Globalization;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Performance;

/// <summary>
/// How a posted label becomes the target a <see cref="PredictionRecord"/> keeps: written exactly as model outputs are
/// (<see cref="OutputText.Label(OutputValue)"/>: 1, 1.0 and "1.0" are "1", true is "1"), then checked against the task —
/// a binary target is "0" or "1", a regression one a number.
/// </summary>
public static class LabelText
{
    /// <summary>The target text of a posted value, or null and why it is no target of a <paramref name="task"/> model.</summary>
    public static (string? Target, string? Refusal) Target(PerformanceTask task, OutputValue value)
    {
        var label = OutputText.Label(value);
        var refusal = Refusal(task, label);
        return refusal is null ? (label, null) : (null, refusal);
    }

    /// <summary>Why <paramref name="label"/> (already written by <see cref="OutputText"/>) is no target of the task; null when it is one.</summary>
    public static string? Refusal(PerformanceTask task, string? label) => task switch
    {
        _ when label is null => "A class label or number (a string, number or boolean).",
        PerformanceTask.BinaryClassification when label is not ("0" or "1") => "A binary target is 0 or 1 (or false / true).",
        PerformanceTask.Regression when !(double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) => "A regression target is a finite number.",
        _ => null,
    };
}
