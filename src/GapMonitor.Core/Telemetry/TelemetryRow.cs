using System.Text.Json;
using GapMonitor.Core.Drift.Profiles;

namespace GapMonitor.Core.Telemetry;

/// <summary>Folds JSON telemetry rows into a profile with the CLI's rule: a value that reads as a number is a number.</summary>
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
                    column.Add(value.GetDouble());
                    break;
                case JsonValueKind.String:
                    column.Add(TelemetryText.Truncate(value.GetString(), TelemetryText.MaxValue));
                    break;
                case JsonValueKind.True:
                case JsonValueKind.False:
                    column.Add(value.GetBoolean() ? "True" : "False");
                    break;
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    column.Add((string?)null);
                    break;
                default:
                    column.Add(TelemetryText.Truncate(value.GetRawText(), TelemetryText.MaxValue));
                    break;
            }
        }

        profile.Rows++;
    }
}
