using GapMonitor.Core.Keys;

namespace GapMonitor.Core.Ports;

public interface IApiKeyStore
{
    Task CreateAsync(ApiKey key, CancellationToken cancellationToken = default);

    Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Marks the key revoked; false when no such key exists.</summary>
    Task<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
