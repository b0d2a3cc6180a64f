using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Tests.Support;

/// <summary>Fitted performance references in memory, by system and reference version.</summary>
internal sealed class FittedPerformanceReferences : IPerformanceReferences
{
    private readonly Dictionary<(string System, string Version), PerformanceReference> _references = [];

    /// <summary>The reference versions asked for, in order.</summary>
    public List<string> Asked { get; } = [];

    public void Add(string systemId, string version, PerformanceReference reference) => _references[(systemId, version)] = reference;

    public Task<PerformanceReference?> GetAsync(string systemId, string referenceVersion, PerformanceSettings settings, CancellationToken cancellationToken = default)
    {
        Asked.Add(referenceVersion);
        return Task.FromResult(_references.GetValueOrDefault((systemId, referenceVersion)));
    }
}
