using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Telemetry.Sources;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary><c>sources</c> table: PartitionKey = customer id, RowKey = <c>sources</c>. The admin's list for that customer.</summary>
internal sealed class CustomerSourcesEntity : ITableEntity
{
    public const string Row = "sources";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Containers { get; set; } = "[]";
    public string Workspaces { get; set; } = "[]";
    public string? Vendors { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public static CustomerSourcesEntity From(CustomerSources s) => new()
    {
        PartitionKey = s.Customer,
        Containers = StorageJson.Serialize(s.Containers.Select(c => c.AbsoluteUri)),
        Workspaces = StorageJson.Serialize(s.Workspaces),
        Vendors = s.Vendors is null ? null : StorageJson.Serialize(s.Vendors),
        UpdatedAt = s.UpdatedAt,
        UpdatedBy = s.UpdatedBy,
    };

    public CustomerSources ToDomain() => new(
        PartitionKey,
        [.. StorageJson.Deserialize<string[]>(Containers, []).Select(c => new Uri(c))],
        StorageJson.Deserialize<Guid[]>(Workspaces, []),
        Vendors is null ? null : StorageJson.Deserialize<string[]>(Vendors, []),
        UpdatedAt,
        UpdatedBy);
}
