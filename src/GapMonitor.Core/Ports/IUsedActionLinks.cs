using GapMonitor.Core.ActionLinks;

namespace GapMonitor.Core.Ports;

/// <summary>Reads the markers <see cref="Evaluation.SystemChangeSet.MarkLinkUsed"/> wrote.</summary>
public interface IUsedActionLinks
{
    Task<UsedActionLink?> FindAsync(string systemId, string tokenId, CancellationToken cancellationToken = default);
}
