using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Ports;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>Liveness probe for /api/health: one cheap request against the systems table.</summary>
public sealed class TableStorageHealthProbe(StorageTables tables) : IStorageHealthProbe
{
    /// <summary>
    /// An answer that is a failure, or one failed HTTP call, means unreachable. A connection that still fails after
    /// the client's retries (several failures) propagates, and the API answers it as storage unavailable.
    /// </summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in tables.Systems.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return true;
        }
        catch (StorageUnavailableException ex) when (ex.InnerException is RequestFailedException or HttpRequestException)
        {
            return false;
        }
        catch (RequestFailedException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
