using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Silences;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary>
/// <c>systems</c> table, RowKey <c>silence-{id}</c> in the system's partition: every silence, ended ones included (the
/// system row keeps only the current and future ones). Vendor and customer are copied for tenant-filtered listings.
/// </summary>
internal sealed class SilenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SilenceId { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string Customer { get; set; } = "";
    public string Kinds { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string Reason { get; set; } = "";
    public string By { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }

    public static SilenceEntity From(Silence s, string vendor, string customer) => new()
    {
        PartitionKey = s.SystemId,
        RowKey = RowKeys.Silence(s.Id),
        SilenceId = s.Id,
        Vendor = vendor,
        Customer = customer,
        Kinds = string.Join(',', s.Kinds),
        StartsAt = s.StartsAt,
        EndsAt = s.EndsAt,
        Reason = s.Reason,
        By = s.By,
        CreatedBy = s.CreatedBy.ToString(),
        CreatedAt = s.CreatedAt,
        EndedAt = s.EndedAt,
        EndedBy = s.EndedBy,
    };

    public Silence ToDomain() => new()
    {
        Id = SilenceId,
        SystemId = PartitionKey,
        Kinds = Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries),
        StartsAt = StartsAt,
        EndsAt = EndsAt,
        Reason = Reason,
        By = By,
        CreatedBy = Enum.Parse<SilenceCreator>(CreatedBy),
        CreatedAt = CreatedAt,
        EndedAt = EndedAt,
        EndedBy = EndedBy,
    };
}
