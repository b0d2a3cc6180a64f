using System.Text.Json;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Telemetry;

/// <summary>Folds JSON telemetry rows into a profile with the <see cref="ColumnValue"/> rule.</summary>
public static class TelemetryRow
{
    public static void Fold(DatasetProfile profile, IReadOnlyDictionary<string, JsonElement> row)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(row);
        foreach (var (name, value) in row)
        {
            var column = profile.Column(name);
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    ColumnValue.Add(column, TelemetryValueKind.Number, value.GetDouble(), null);
                    break;
                case JsonValueKind.String:
                    ColumnValue.Add(column, TelemetryValueKind.String, double.NaN, value.GetString());
                    break;
                case JsonValueKind.True:
                case JsonValueKind.False:
                    ColumnValue.Add(column, TelemetryValueKind.Boolean, value.GetBoolean() ? 1 : 0, null);
                    break;
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    ColumnValue.Add(column, TelemetryValueKind.Null, double.NaN, null);
                    break;
                default:
                    ColumnValue.Add(column, TelemetryValueKind.Other, double.NaN, value.GetRawText());
                    break;
            }
        }

        profile.Rows++;
    }
}
