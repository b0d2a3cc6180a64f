using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Telemetry;

/// <summary>
/// How a telemetry value enters a column profile, the CLI's rule: a number is a number, a boolean the text True or False,
/// any other value its text (cut to <see cref="TelemetryText.MaxValue"/>), and null or an absent feature a missing value.
/// </summary>
public static class ColumnValue
{
    /// <param name="number">The number of a <see cref="TelemetryValueKind.Number"/>; for a boolean, non-zero for true.</param>
    /// <param name="text">The text of a <see cref="TelemetryValueKind.String"/> or the raw JSON of an <see cref="TelemetryValueKind.Other"/>.</param>
    public static void Add(ColumnProfile column, TelemetryValueKind kind, double number, string? text)
    {
        ArgumentNullException.ThrowIfNull(column);
        switch (kind)
        {
            case TelemetryValueKind.Number:
                column.Add(number);
                break;
            case TelemetryValueKind.Boolean:
                column.Add(number != 0 ? "True" : "False");
                break;
            case TelemetryValueKind.String:
            case TelemetryValueKind.Other:
                column.Add(TelemetryText.Truncate(text, TelemetryText.MaxValue));
                break;
            default:
                column.Add((string?)null);
                break;
        }
    }
}
