using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Abstractions;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// <c>idempotency</c> table: PartitionKey = SHA-256 of the scoped key, RowKey = <c>response</c>. A pending marker is
/// inserted first, so two concurrent requests with one key cannot both run; stale pending markers expire.
/// </summary>
public sealed class TableIdempotencyStore(StorageTables tables) : IIdempotencyStore
{
    private const string Row = "response";
    private static readonly TimeSpan PendingExpiry = TimeSpan.FromMinutes(5);

    public async Task<(IdempotencyClaim Claim, StoredResponse? Response)> TryClaimAsync(string scopedKey, string requestHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var partition = PartitionOf(scopedKey);
        var marker = new TableEntity(partition, Row) { ["State"] = "pending", ["RequestHash"] = requestHash, ["ClaimedAt"] = now };
        try
        {
            await tables.Idempotency.AddEntityAsync(marker, cancellationToken);
            return (IdempotencyClaim.Claimed, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await tables.Idempotency.GetEntityIfExistsAsync<TableEntity>(partition, Row, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                return await TryClaimAsync(scopedKey, requestHash, now, cancellationToken);
            }

            var row = existing.Value!;
            if (row.GetString("State") == "done")
            {
                var headers = StorageJsonHeaders(row.GetString("HeadersJson"));
                return (IdempotencyClaim.Completed, new StoredResponse(row.GetInt32("Status") ?? 200, row.GetString("Body"), row.GetString("ContentType"), headers, row.GetString("RequestHash") ?? ""));
            }

            if (row.GetDateTimeOffset("ClaimedAt") is { } claimedAt && now - claimedAt > PendingExpiry)
            {
                // The first request died mid-way; its claim is taken over under the row's ETag.
                marker.ETag = row.ETag;
                try
                {
                    await tables.Idempotency.UpdateEntityAsync(marker, row.ETag, TableUpdateMode.Replace, cancellationToken);
                    return (IdempotencyClaim.Claimed, null);
                }
                catch (RequestFailedException conflict) when (conflict.Status == 412)
                {
                    return (IdempotencyClaim.InProgress, null);
                }
            }

            return (IdempotencyClaim.InProgress, null);
        }
    }

    public async Task CompleteAsync(string scopedKey, StoredResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var entity = new TableEntity(PartitionOf(scopedKey), Row)
        {
            ["State"] = "done",
            ["Status"] = response.Status,
            ["Body"] = response.Body,
            ["ContentType"] = response.ContentType,
            ["HeadersJson"] = StorageJson.Serialize(response.Headers),
            ["RequestHash"] = response.RequestHash,
        };
        await tables.Idempotency.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task ReleaseAsync(string scopedKey, CancellationToken cancellationToken = default) =>
        await tables.Idempotency.DeleteEntityAsync(PartitionOf(scopedKey), Row, ETag.All, cancellationToken);

    private static string PartitionOf(string scopedKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scopedKey)));

    private static Dictionary<string, string> StorageJsonHeaders(string? json) => StorageJson.Deserialize(json, new Dictionary<string, string>());
}
