using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Ports;

/// <summary>Profiles of uploaded reference datasets, by version.</summary>
public interface IReferenceProfiles
{
    Task<DatasetProfile?> GetAsync(string systemId, string version, CancellationToken cancellationToken = default);
}
