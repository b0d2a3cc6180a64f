using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>The tables GapMonitor uses; created at start.</summary>
public sealed class StorageTables
{
    public StorageTables(TableServiceClient service, IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var prefix = options.Value.TablePrefix;
        Systems = service.GetTableClient(prefix + "systems");
        History = service.GetTableClient(prefix + "history");
        ApiKeys = service.GetTableClient(prefix + "apikeys");
        Idempotency = service.GetTableClient(prefix + "idempotency");
        Drift = service.GetTableClient(prefix + "drift");
        Sources = service.GetTableClient(prefix + "sources");
        Archive = service.GetTableClient(prefix + "archive");
    }

    internal TableClient Systems { get; }
    internal TableClient History { get; }
    internal TableClient ApiKeys { get; }
    internal TableClient Idempotency { get; }
    internal TableClient Drift { get; }
    internal TableClient Sources { get; }
    internal TableClient Archive { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { Systems, History, ApiKeys, Idempotency, Drift, Sources, Archive })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
