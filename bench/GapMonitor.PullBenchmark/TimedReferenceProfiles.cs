using GapMonitor.Core.Ports;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.PullBenchmark;

/// <summary>The real reference profiles, timed (<see cref="Phases"/>).</summary>
public sealed class TimedReferenceProfiles(IReferenceProfiles inner) : IReferenceProfiles
{
    public Task<DatasetProfile?> GetAsync(string systemId, string version, CancellationToken cancellationToken = default) =>
        Phases.TimeAsync(Phases.Phase.ReferenceRead, () => inner.GetAsync(systemId, version, cancellationToken));
}
