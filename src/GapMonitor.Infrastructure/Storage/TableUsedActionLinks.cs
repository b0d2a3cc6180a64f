using GapMonitor.Core.ActionLinks;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>Reads the <c>link-{tokenId}</c> markers <see cref="TableSystemStore"/> writes with the change a link made.</summary>
public sealed class TableUsedActionLinks(StorageTables tables) : IUsedActionLinks
{
    public async Task<UsedActionLink?> FindAsync(string systemId, string tokenId, CancellationToken cancellationToken = default)
    {
        var found = await tables.Systems.GetEntityIfExistsAsync<UsedLinkEntity>(systemId, RowKeys.Link(tokenId), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToDomain() : null;
    }
}
