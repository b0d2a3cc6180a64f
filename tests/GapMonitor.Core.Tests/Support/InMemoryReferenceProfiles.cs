using GapMonitor.Core.Ports;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Tests.Support;

/// <summary>Reference profiles in memory, by system and version.</summary>
internal sealed class InMemoryReferenceProfiles : IReferenceProfiles
{
    private readonly Dictionary<(string System, string Version), DatasetProfile> _profiles = [];

    public void Add(string systemId, string version, DatasetProfile profile) => _profiles[(systemId, version)] = profile;

    public Task<DatasetProfile?> GetAsync(string systemId, string version, CancellationToken cancellationToken = default) =>
        Task.FromResult(_profiles.GetValueOrDefault((systemId, version)));
}
