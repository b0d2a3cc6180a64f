using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// One row of a read batch into a window's profile, for every fold (data-collector inputs and outputs, pushed rows):
/// columns past the system's column bounds are not profiled, their values are counted as ignored, and their names are
/// remembered in the caller's refused set so the rest of the batch skips them at once.
/// </summary>
internal static class RowColumnsFold
{
    public static void Add(
        DatasetProfile profile,
        KeyValuePair<string, IReadOnlyList<InferenceValue>>[] columns,
        int row,
        ColumnAdmission admission,
        HashSet<string> refused,
        TelemetryState state)
    {
        foreach (var (name, values) in columns)
        {
            if (refused.Contains(name) || !admission.TryAdmit(name, out _))
            {
                refused.Add(name);
                state.IgnoredValues += values[row].Kind == TelemetryValueKind.Missing ? 0 : 1;
                continue;
            }

            ColumnValue.Add(profile.Column(name), values[row].Kind, values[row].Number, values[row].Text);
        }
    }
}
