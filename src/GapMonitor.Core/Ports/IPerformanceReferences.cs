using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Ports;

/// <summary>
/// The fitted performance reference of a reference dataset version (metrics, chunk thresholds, calibration), fitted from
/// the stored reference rows once per version and settings, then read from its cached copy.
/// </summary>
public interface IPerformanceReferences
{
    /// <summary>Null when the version does not exist or its rows lack the prediction or target column (see <paramref name="settings"/>).</summary>
    Task<PerformanceReference?> GetAsync(string systemId, string referenceVersion, PerformanceSettings settings, CancellationToken cancellationToken = default);
}
