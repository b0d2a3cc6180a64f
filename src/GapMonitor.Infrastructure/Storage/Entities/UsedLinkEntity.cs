using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.ActionLinks;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary>
/// <c>systems</c> table, RowKey <c>link-{tokenId}</c>: an action link was used. Inserted in the transaction of the
/// change the link made, so a second use of the link conflicts and changes nothing.
/// </summary>
internal sealed class UsedLinkEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TokenId { get; set; } = "";
    public string Action { get; set; } = "";
    public string Recipient { get; set; } = "";
    public DateTimeOffset UsedAt { get; set; }

    public static UsedLinkEntity From(UsedActionLink link) => new()
    {
        PartitionKey = link.SystemId,
        RowKey = RowKeys.Link(link.TokenId),
        TokenId = link.TokenId,
        Action = link.Action,
        Recipient = link.Recipient,
        UsedAt = link.UsedAt,
    };

    public UsedActionLink ToDomain() => new(TokenId, PartitionKey, Action, Recipient, UsedAt);
}
