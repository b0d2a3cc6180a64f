using GapMonitor.Core.Keys;

namespace GapMonitor.Core.Ports;

public interface IApiKeyStore
{
    Task CreateAsync(ApiKey key, CancellationToken cancellationToken = default);

    Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>At most <paramref name="limit"/> keys in id order, starting after the id <paramref name="afterId"/> (null: from the first).</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(string? afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Marks the key revoked; false when no such key exists.</summary>
    Task<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records that the key was used at <paramref name="at"/>; changes nothing else of it, and never brings a deleted key back.</summary>
    Task RecordUseAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
