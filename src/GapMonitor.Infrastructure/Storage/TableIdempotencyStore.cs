using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// <c>idempotency</c> table: PartitionKey = SHA-256 of the scoped key, RowKey <c>response</c>. A pending marker is
/// inserted first, so two concurrent requests with one key cannot both run; stale pending markers expire.
/// The response body and headers are kept only sealed (<see cref="IdempotencySeal"/>): inline when small, else in
/// <c>part-NNNNN</c> rows of the same partition, written before the row that marks the response done.
/// </summary>
public sealed class TableIdempotencyStore(StorageTables tables) : IIdempotencyStore
{
    private const string Row = "response";
    private const string PartPrefix = "part-";

    /// <summary>Below the 64 KiB limit of one binary property.</summary>
    private const int PartSize = 60 * 1024;
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
                var response = await ReadAsync(scopedKey, row, cancellationToken);
                return response is null ? (IdempotencyClaim.InProgress, null) : (IdempotencyClaim.Completed, response);
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
        var partition = PartitionOf(scopedKey);
        var plaintext = Encoding.UTF8.GetBytes(StorageJson.Serialize(new SealedContent(response.Body, response.Headers)));
        var sealedBytes = IdempotencySeal.Seal(scopedKey, Context(partition, response.Status, response.ContentType, response.RequestHash), plaintext);
        var entity = new TableEntity(partition, Row)
        {
            ["State"] = "done",
            ["Status"] = response.Status,
            ["ContentType"] = response.ContentType,
            ["RequestHash"] = response.RequestHash,
        };
        if (sealedBytes.Length <= PartSize)
        {
            entity["Sealed"] = sealedBytes;
        }
        else
        {
            var parts = (sealedBytes.Length + PartSize - 1) / PartSize;
            for (var i = 0; i < parts; i++)
            {
                var part = sealedBytes.AsSpan(i * PartSize, Math.Min(PartSize, sealedBytes.Length - (i * PartSize))).ToArray();
                await tables.Idempotency.UpsertEntityAsync(new TableEntity(partition, PartRow(i)) { ["Data"] = part }, TableUpdateMode.Replace, cancellationToken);
            }

            entity["Parts"] = parts;
        }

        // Merge keeps the claim's ClaimedAt: the daily housekeeping expires responses by it.
        await tables.Idempotency.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task ReleaseAsync(string scopedKey, CancellationToken cancellationToken = default) =>
        await tables.Idempotency.DeleteEntityAsync(PartitionOf(scopedKey), Row, ETag.All, cancellationToken);

    /// <summary>The stored response, or null when its sealed content is missing or was not sealed for this scoped key.</summary>
    private async Task<StoredResponse?> ReadAsync(string scopedKey, TableEntity row, CancellationToken cancellationToken)
    {
        var status = row.GetInt32("Status") ?? 200;
        var contentType = row.GetString("ContentType");
        var requestHash = row.GetString("RequestHash") ?? "";
        var sealedBytes = row.GetBinary("Sealed");
        if (sealedBytes is null && row.GetInt32("Parts") is { } parts)
        {
            var buffer = new MemoryStream();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {row.PartitionKey} and RowKey ge {PartRow(0)} and RowKey le {PartRow(parts - 1)}");
            await foreach (var part in tables.Idempotency.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                buffer.Write(part.GetBinary("Data"));
            }

            sealedBytes = buffer.ToArray();
        }

        var plaintext = sealedBytes is null ? null : IdempotencySeal.Open(scopedKey, Context(row.PartitionKey, status, contentType, requestHash), sealedBytes);
        if (plaintext is null)
        {
            return null;
        }

        var content = StorageJson.Deserialize<SealedContent?>(Encoding.UTF8.GetString(plaintext), null);
        return content is null ? null : new StoredResponse(status, content.Body, contentType, content.Headers ?? new Dictionary<string, string>(), requestHash);
    }

    /// <summary>What the seal is bound to besides the key: the row it belongs to and the fields kept in clear beside it.</summary>
    private static string Context(string partition, int status, string? contentType, string requestHash) => $"{partition}|{status}|{contentType}|{requestHash}";

    private static string PartRow(int index) => PartPrefix + index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    private static string PartitionOf(string scopedKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scopedKey)));

    private sealed record SealedContent(string? Body, IReadOnlyDictionary<string, string>? Headers);
}
