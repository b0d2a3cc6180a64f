using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Systems;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary>
/// <c>systems</c> table: RowKey <c>active-{kind}</c> while open or acknowledged, <c>alert-{id}</c> once resolved.
/// Vendor and customer are copied onto the row so alert listings can be filtered by tenant server-side.
/// </summary>
internal sealed class AlertEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AlertId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string State { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string Customer { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public string OwnerAtOpening { get; set; } = "";
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgementNote { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Resolution { get; set; }
    public string NotifiedParties { get; set; } = "";
    public DateTimeOffset? LastNotifiedAt { get; set; }
    public DateTimeOffset? ReopenedAt { get; set; }
    public bool? Silenced { get; set; }
    public DateTimeOffset? UnsilencedAt { get; set; }

    /// <summary>Of a contact-unreachable alert: JSON array of the contacts it names; empty otherwise.</summary>
    public string? ContactsJson { get; set; }

    /// <summary>Of a drift-detected alert: JSON array of the drifted columns; empty otherwise.</summary>
    public string? ColumnsJson { get; set; }

    /// <summary>Of a performance alert: JSON array of the metrics outside their thresholds; empty otherwise.</summary>
    public string? MetricsJson { get; set; }

    public static AlertEntity From(Alert a, string vendor, string customer) => new()
    {
        PartitionKey = a.SystemId,
        RowKey = a.State == AlertState.Resolved ? RowKeys.Alert(a.Id) : RowKeys.Active(a.Kind),
        ETag = a.ETag is null ? default : new ETag(a.ETag),
        AlertId = a.Id,
        Kind = a.Kind,
        State = a.State.ToString(),
        Summary = a.Summary,
        Vendor = vendor,
        Customer = customer,
        OpenedAt = a.OpenedAt,
        OwnerAtOpening = a.OwnerAtOpening.ToString(),
        EscalatedAt = a.EscalatedAt,
        AcknowledgedAt = a.AcknowledgedAt,
        AcknowledgedBy = a.AcknowledgedBy,
        AcknowledgementNote = a.AcknowledgementNote,
        ResolvedAt = a.ResolvedAt,
        Resolution = a.Resolution,
        NotifiedParties = string.Join(',', a.NotifiedParties),
        LastNotifiedAt = a.LastNotifiedAt,
        ReopenedAt = a.ReopenedAt,
        Silenced = a.Silenced ? true : null,
        UnsilencedAt = a.UnsilencedAt,
        ContactsJson = a.Contacts.Count == 0 ? null : StorageJson.Serialize(a.Contacts),
        ColumnsJson = a.Columns.Count == 0 ? null : StorageJson.Serialize(a.Columns),
        MetricsJson = a.Metrics.Count == 0 ? null : StorageJson.Serialize(a.Metrics),
    };

    public Alert ToDomain() => new()
    {
        Id = AlertId,
        SystemId = PartitionKey,
        Kind = Kind,
        State = Enum.Parse<AlertState>(State),
        Summary = Summary,
        OpenedAt = OpenedAt,
        OwnerAtOpening = Enum.Parse<Party>(OwnerAtOpening),
        EscalatedAt = EscalatedAt,
        AcknowledgedAt = AcknowledgedAt,
        AcknowledgedBy = AcknowledgedBy,
        AcknowledgementNote = AcknowledgementNote,
        ResolvedAt = ResolvedAt,
        Resolution = Resolution,
        NotifiedParties = [.. NotifiedParties.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Party>)],
        LastNotifiedAt = LastNotifiedAt,
        ReopenedAt = ReopenedAt,
        Silenced = Silenced == true,
        UnsilencedAt = UnsilencedAt,
        Contacts = StorageJson.Deserialize<List<string>>(ContactsJson, []),
        Columns = StorageJson.Deserialize<List<string>>(ColumnsJson, []),
        Metrics = StorageJson.Deserialize<List<MetricBreach>>(MetricsJson, []),
        ETag = ETag.ToString(),
    };
}
