using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Infrastructure.Telemetry.Pushed;

/// <summary>
/// Reads what is new in a system's pushed-telemetry log (<see cref="BlobPushedTelemetryLog"/>) since a
/// <see cref="PushedLogCheckpoint"/>: blobs in arrival order, each whole (a pushed blob is one record, written once and
/// never changed). A pull lists only the minute folders from the checkpoint's mark on, so its cost follows what is new,
/// not how many pushes the hour held.
/// </summary>
/// <remarks>
/// A blob is named by the service clock when its push arrived and must be written within
/// <see cref="BlobPushedTelemetryLog.WriteBudget"/> of that (a retry after longer moves it to a new name). So once a
/// name is older than <see cref="SettleDelay"/>, no blob named before it can still appear: the mark moves up to
/// <c>now - SettleDelay</c>, and only blobs read after the mark are remembered one by one. Clock skew between hosts
/// counts against the same margin.
/// </remarks>
internal sealed class PushedLogReader(ILogger logger)
{
    /// <summary>How long after its name's time a pushed blob may still appear; far more than a write may take.</summary>
    public static readonly TimeSpan SettleDelay = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Reads whole blobs until at least <paramref name="maxRows"/> rows are taken (a slice may pass it by one batch).
    /// Records timed after <paramref name="latestRecordTime"/> count as malformed; hour folders after it are left for later.
    /// Blobs of <paramref name="foldedRecordIds"/> (batches an earlier build folded directly) are passed over as read.
    /// </summary>
    public async Task<PushedLogReadResult> ReadNewAsync(
        BlobContainerClient container, string prefix, PushedLogCheckpoint? checkpoint, int maxRows, DateTimeOffset now,
        DateTimeOffset latestRecordTime, IReadOnlySet<string> foldedRecordIds, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        var settled = checkpoint?.SettledThrough;
        var recent = checkpoint?.RecentNames() ?? new HashSet<PushedBlobName>();
        var session = new InferenceLogReadSession(int.MaxValue, [], latestRecordTime, logger);
        var read = new List<PushedBlobName>();
        var stoppedEarly = false;

        await foreach (var folder in HourFolderWalker.WalkAsync(container, prefix, StartFolder(checkpoint), cancellationToken))
        {
            if (folder.Start > latestRecordTime || stoppedEarly)
            {
                break;
            }

            await foreach (var item in ListAsync(container, prefix, folder, settled, cancellationToken))
            {
                if (!PushedBlobName.TryParse(item.Name, prefix, out var name) || name.ArrivedAt <= settled || recent.Contains(name))
                {
                    continue;
                }

                if (session.RowCount >= maxRows)
                {
                    stoppedEarly = true;
                    break;
                }

                if (foldedRecordIds.Contains(name.RecordId))
                {
                    read.Add(name);
                }
                else if (item.Properties.ETag is { } etag)
                {
                    await session.ReadBlobAsync(container.GetBlobClient(item.Name), etag, item.Properties.ContentLength ?? 0, folder, cancellationToken);
                    read.Add(name);
                }
            }
        }

        var content = session.ToResult(null, prefix);
        return new PushedLogReadResult(content, Advance(checkpoint, settled, recent, read, now, stoppedEarly), stoppedEarly);
    }

    /// <summary>
    /// The new mark: up to <c>now - SettleDelay</c>, but before the first blob left unread when the slice stopped early
    /// (those all sort after the last blob read). It never moves back.
    /// </summary>
    private static PushedLogCheckpoint Advance(
        PushedLogCheckpoint? checkpoint, DateTimeOffset? settled, IReadOnlySet<PushedBlobName> recent, List<PushedBlobName> read,
        DateTimeOffset now, bool stoppedEarly)
    {
        var mark = now - SettleDelay;
        if (stoppedEarly && read.Count > 0 && read[^1].ArrivedAt.AddTicks(-1) < mark)
        {
            mark = read[^1].ArrivedAt.AddTicks(-1);
        }

        if (settled is { } previous && previous > mark)
        {
            mark = previous;
        }

        return (checkpoint ?? new PushedLogCheckpoint()) with
        {
            SettledThrough = mark,
            Recent = PushedLogCheckpoint.Pack(recent.Concat(read).Where(n => n.ArrivedAt > mark).Distinct()),
        };
    }

    /// <summary>The hour folder of the mark; before any mark, the beginning (once: new-style blobs may predate the legacy read's folders).</summary>
    private static HourFolder? StartFolder(PushedLogCheckpoint? checkpoint)
    {
        return checkpoint?.SettledThrough is { } settled
            && HourFolder.TryParse(settled.UtcDateTime.ToString("yyyy/MM/dd/HH", System.Globalization.CultureInfo.InvariantCulture), out var folder)
                ? folder
                : null;
    }

    /// <summary>
    /// The blobs of an hour folder in name order; in the mark's own hour only the minute folders from the mark's minute on.
    /// </summary>
    private static async IAsyncEnumerable<BlobItem> ListAsync(
        BlobContainerClient container, string prefix, HourFolder folder, DateTimeOffset? settled,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = folder.PathUnder(prefix);
        if (settled is not { } mark || mark < folder.Start || mark >= folder.Start.AddHours(1))
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = path }, cancellationToken))
            {
                yield return item;
            }

            yield break;
        }

        var first = PushedBlobName.MinuteFolderUnder(prefix, mark);
        var minutes = new List<string>();
        await foreach (var entry in container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Prefix = path, Delimiter = "/" }, cancellationToken))
        {
            if (entry.IsPrefix && string.CompareOrdinal(entry.Prefix, first) >= 0)
            {
                minutes.Add(entry.Prefix);
            }
        }

        minutes.Sort(StringComparer.Ordinal);
        foreach (var minute in minutes)
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = minute }, cancellationToken))
            {
                yield return item;
            }
        }
    }
}
