using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Keys;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary><c>apikeys</c> table: PartitionKey = key id, RowKey = <c>key</c>. Holds the hash, never the key.</summary>
internal sealed class ApiKeyEntity : ITableEntity
{
    public const string Row = "key";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Role { get; set; } = "";
    public string? Vendor { get; set; }
    public string? Customer { get; set; }
    public string? Name { get; set; }
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public static ApiKeyEntity From(ApiKey k) => new()
    {
        PartitionKey = k.Id,
        Role = k.Role.ToString(),
        Vendor = k.Vendor,
        Customer = k.Customer,
        Name = k.Name,
        Hash = k.Hash,
        CreatedAt = k.CreatedAt,
        RevokedAt = k.RevokedAt,
        ExpiresAt = k.ExpiresAt,
        LastUsedAt = k.LastUsedAt,
    };

    public ApiKey ToDomain() => new(PartitionKey, Enum.Parse<Role>(Role), Vendor, Customer, Name, Hash, CreatedAt, RevokedAt, ExpiresAt, LastUsedAt);
}
