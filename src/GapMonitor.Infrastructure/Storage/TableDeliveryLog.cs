using System.Globalization;
using Azure.Data.Tables;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// Notifications newest first, although their rows (<c>notification-{uuid7}</c>) sort oldest first. A UUIDv7 starts with
/// its creation time in milliseconds, so a key range is a time range: the page is filled from time windows walked
/// backwards from the continuation (or now), each read in key order keeping only its newest rows, each window four
/// times as long as the one before (1 h, 4 h, 16 h…) until the page and one more row are found or the system's
/// registration is passed.
/// Cost: memory is bounded by the page (a queue of at most limit + 1 rows); storage reads are every row in the windows
/// walked, so a page read right after a burst of notifications reads the burst, and a page far back in a sparse
/// history costs a handful of empty window queries (logarithmic in the time span). An inverted-time index row written
/// with each notification would read exactly one page, at the price of a second row per notification and of keeping it
/// in step through the archive; this list is read by people, rarely, so it reads instead of writing twice.
/// </summary>
public sealed class TableDeliveryLog(StorageTables tables, TimeProvider timeProvider) : IDeliveryLog
{
    private static readonly TimeSpan FirstWindow = TimeSpan.FromHours(1);
    private const int WindowGrowth = 4;

    public async Task<ResultPage<Notification>> ListNewestFirstAsync(string systemId, DateTimeOffset notBefore, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var before = KeysetPaging.RowKeyAfter(page.Continuation, RowKeys.NotificationPrefix, RowKeys.NotificationEnd);
        var want = page.Limit + 1;
        var newestFirst = new List<NotificationEntity>(want);
        var upperKey = before ?? RowKeys.NotificationEnd;
        var windowEnd = before is null ? timeProvider.GetUtcNow() : TimeOf(before) ?? timeProvider.GetUtcNow();
        var window = FirstWindow;
        while (newestFirst.Count < want)
        {
            var last = windowEnd - notBefore <= window;
            var windowStart = last ? notBefore : windowEnd - window;
            var lowerKey = last ? RowKeys.NotificationPrefix : KeyAt(windowStart);
            if (string.CompareOrdinal(lowerKey, upperKey) < 0)
            {
                var newest = new Queue<NotificationEntity>(want - newestFirst.Count + 1);
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey ge {lowerKey} and RowKey lt {upperKey}");
                await foreach (var row in LiveAndArchive.QueryAsync<NotificationEntity>(tables, filter, 1000, cancellationToken))
                {
                    newest.Enqueue(row);
                    if (newest.Count > want - newestFirst.Count)
                    {
                        newest.Dequeue();
                    }
                }

                newestFirst.AddRange(newest.Reverse());
                upperKey = lowerKey;
            }

            if (last)
            {
                break;
            }

            windowEnd = windowStart;
            window *= WindowGrowth;
        }

        var items = newestFirst.Take(page.Limit).Select(e => e.ToDomain()).ToList();
        return new ResultPage<Notification>(items, newestFirst.Count > page.Limit ? RowKeys.Notification(items[^1].Id) : null);
    }

    /// <summary>The smallest key of a notification created at or after <paramref name="at"/>.</summary>
    private static string KeyAt(DateTimeOffset at) =>
        RowKeys.NotificationPrefix + Math.Max(at.ToUnixTimeMilliseconds(), 0).ToString("x12", CultureInfo.InvariantCulture);

    /// <summary>The creation time a UUIDv7 notification key carries; null for a key without one.</summary>
    private static DateTimeOffset? TimeOf(string key)
    {
        var hex = key.AsSpan(RowKeys.NotificationPrefix.Length);
        return hex.Length >= 12 && long.TryParse(hex[..12], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ms)
            && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).AddMilliseconds(1)
            : null;
    }
}
