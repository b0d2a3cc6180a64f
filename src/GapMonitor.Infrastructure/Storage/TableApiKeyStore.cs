using Azure;
using GapMonitor.Core.Concurrency;
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

        entity.RevokedAt = at;
        try
        {
            await tables.ApiKeys.UpdateEntityAsync(entity, entity.ETag, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new ConcurrencyConflictException($"Key {keyId} changed concurrently.", ex);
        }

        return true;
    }
}
