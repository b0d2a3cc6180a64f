using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Storage;

public sealed class TableApiKeyStore(StorageTables tables) : IApiKeyStore
{
    public async Task CreateAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await tables.ApiKeys.AddEntityAsync(ApiKeyEntity.From(key), cancellationToken);
    }

    public async Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken = default)
    {
        // Only an id this service issues ever reaches a table key.
        if (!ApiKeyFormat.IsKeyId(keyId))
        {
            return null;
        }

        var response = await tables.ApiKeys.GetEntityIfExistsAsync<ApiKeyEntity>(keyId, ApiKeyEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToDomain() : null;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var filter = afterId is null
            ? TableClient.CreateQueryFilter($"RowKey eq {ApiKeyEntity.Row}")
            : TableClient.CreateQueryFilter($"PartitionKey gt {afterId} and RowKey eq {ApiKeyEntity.Row}");
        var keys = new List<ApiKey>();
        await foreach (var entity in tables.ApiKeys.QueryAsync<ApiKeyEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            keys.Add(entity.ToDomain());
            if (keys.Count == limit)
            {
                break;
            }
        }

        return keys;
    }

    public async Task RecordUseAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyFormat.IsKeyId(keyId))
        {
            return;
        }

        // A merge of this one property: a concurrent revocation is kept, and a missing row is not created.
        var entity = new TableEntity(keyId, ApiKeyEntity.Row) { [nameof(ApiKeyEntity.LastUsedAt)] = at };
        await tables.ApiKeys.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyFormat.IsKeyId(keyId))
        {
            return false;
        }

        var response = await tables.ApiKeys.GetEntityIfExistsAsync<ApiKeyEntity>(keyId, ApiKeyEntity.Row, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return false;
        }

        var entity = response.Value!;
        if (entity.RevokedAt is not null)
        {
            return true;
        }

        // Only RevokedAt is written (a merge), so a use recorded meanwhile (lastUsedAt) cannot make the revocation fail.
        var revocation = new TableEntity(keyId, ApiKeyEntity.Row) { [nameof(ApiKeyEntity.RevokedAt)] = at };
        try
        {
            await tables.ApiKeys.UpdateEntityAsync(revocation, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }

        return true;
    }
}
