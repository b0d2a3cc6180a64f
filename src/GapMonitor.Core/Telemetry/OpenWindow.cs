using GapMonitor.Core.Performance;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Telemetry;

/// <summary>The profile of one drift window still open, with the model versions its records reported.</summary>
public sealed class OpenWindow(DatasetProfile profile)
{
    public DatasetProfile Profile { get; set; } = profile;

    /// <summary>Distinct model versions counted per window; records of further versions count under <see cref="OtherVersions"/>.</summary>
    public const int MaxModelVersions = 100;

    public const string OtherVersions = "(other)";

    /// <summary>Model outputs kept for performance (systems with <c>performance</c> settings); null when the window saw none.</summary>
    public WindowPredictions? Predictions { get; set; }

    public Dictionary<string, long> ModelVersions { get; init; } = new(StringComparer.Ordinal);

    public void CountModelVersion(string version, long count)
    {
        ArgumentNullException.ThrowIfNull(version);
        var key = ModelVersions.ContainsKey(version) || ModelVersions.Count < MaxModelVersions ? version : OtherVersions;
        ModelVersions[key] = ModelVersions.GetValueOrDefault(key) + count;
    }
}
