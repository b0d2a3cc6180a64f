using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry.Sources;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Storage;

public sealed class TableCustomerSourceStore(StorageTables tables) : ICustomerSourceStore
{
    public async Task<CustomerSources?> GetAsync(string customer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customer);
        var response = await tables.Sources.GetEntityIfExistsAsync<CustomerSourcesEntity>(customer, CustomerSourcesEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToDomain() : null;
    }

    public async Task PutAsync(CustomerSources sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        await tables.Sources.UpsertEntityAsync(CustomerSourcesEntity.From(sources), Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
    }
}
