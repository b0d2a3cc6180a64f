using GapMonitor.Core.Ports;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>The real reference store, counting how often it is asked.</summary>
internal sealed class CountingReferenceProfiles(IReferenceProfiles inner) : IReferenceProfiles
{
    private int _calls;

    public int Calls => _calls;

    public Task<DatasetProfile?> GetAsync(string systemId, string version, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return inner.GetAsync(systemId, version, cancellationToken);
    }
}
