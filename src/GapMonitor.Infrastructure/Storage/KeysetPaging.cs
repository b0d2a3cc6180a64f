using GapMonitor.Core.Ports;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// Pages over rows read in key order from after the previous page's last key: a continuation is that key, so it
/// names a position only and the query's own filters (scope included) apply on every page. One row past the page is
/// read, so a continuation is returned exactly when more rows follow.
/// </summary>
internal static class KeysetPaging
{
    private const int MaxContinuationLength = 1024;

    /// <summary>The rows must arrive in key order, already past <see cref="PageRequest.Continuation"/>; a row <paramref name="map"/> turns into null is left out.</summary>
    public static async Task<ResultPage<TResult>> ReadAsync<TRow, TResult>(
        IAsyncEnumerable<TRow> rows,
        int limit,
        Func<TRow, string> key,
        Func<TRow, ValueTask<TResult?>> map,
        CancellationToken cancellationToken)
        where TResult : class
    {
        var items = new List<TResult>();
        string? last = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (items.Count == limit)
            {
                return new ResultPage<TResult>(items, last);
            }

            if (await map(row) is { } item)
            {
                items.Add(item);
            }

            last = key(row);
        }

        return new ResultPage<TResult>(items, null);
    }

    /// <summary>A row key continuation of a list whose keys lie in [<paramref name="prefix"/>, <paramref name="end"/>); anything else was not made by it.</summary>
    public static string? RowKeyAfter(string? continuation, string prefix, string end)
    {
        if (continuation is null)
        {
            return null;
        }

        if (continuation.Length > MaxContinuationLength
            || string.CompareOrdinal(continuation, prefix) < 0
            || string.CompareOrdinal(continuation, end) >= 0
            || continuation.Any(char.IsControl))
        {
            throw new InvalidContinuationException("Not a continuation of this list.");
        }

        return continuation;
    }

    /// <summary>Page size for the storage query: the page and the one row that tells whether more follow.</summary>
    public static int PageSize(PageRequest page) => Math.Min(page.Limit + 1, 1000);
}
