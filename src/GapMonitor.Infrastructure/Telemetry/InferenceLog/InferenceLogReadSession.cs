using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>The state of one <c>InferenceLogReader.ReadNewAsync</c> call: blob positions, rows and counts.</summary>
internal sealed class InferenceLogReadSession(int maxRows, IEnumerable<InferenceLogBlobPosition> positions, DateTimeOffset latestRecordTime, ILogger logger)
{
    private const int MaxAttempts = 5;
    private const int MaxLineBytes = 4 * 1024 * 1024;

    private readonly Dictionary<string, InferenceLogBlobPosition> _positions = positions.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private readonly InferenceRowBatchBuilder _rows = new();
    private readonly Dictionary<string, InferenceModelVersionStats> _versions = new(StringComparer.Ordinal);
    private readonly List<string> _blobsRead = [];
    private long _records;
    private long _malformed;
    private long _replaced;
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;

    public bool Full => _rows.Count >= maxRows;

    public int RowCount => _rows.Count;

    /// <summary>Reads what is new in one blob, retrying from the consumed offset when the blob changes meanwhile (412).</summary>
    public async Task ReadBlobAsync(BlobClient blob, ETag etag, long length, HourFolder folder, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ReadBlobAtAsync(blob, etag, length, folder, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                _positions.Remove(blob.Name);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                if (attempt == MaxAttempts)
                {
                    logger.LogWarning("Blob {Blob} kept changing while being read; continuing on the next pull", blob.Name);
                    return;
                }

                logger.LogDebug("Blob {Blob} changed while being read; continuing from the consumed offset", blob.Name);
                try
                {
                    var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
                    (etag, length) = (properties.Value.ETag, properties.Value.ContentLength);
                }
                catch (RequestFailedException gone) when (gone.Status == 404)
                {
                    _positions.Remove(blob.Name);
                    return;
                }
            }
        }
    }

    public InferenceLogReadResult ToResult(string? openFrom, string prefix) => new(
        _rows.Build(),
        new InferenceLogCheckpoint
        {
            OpenFrom = openFrom,
            Blobs = [.. _positions.Values
                .Where(p => openFrom is not null && string.CompareOrdinal(HourFolder.KeyOf(p.Name, prefix), openFrom) >= 0)
                .OrderBy(p => p.Name, StringComparer.Ordinal)],
        },
        _records,
        _malformed,
        _replaced,
        _versions,
        _first,
        _last,
        _blobsRead,
        Full);

    private async Task ReadBlobAtAsync(BlobClient blob, ETag etag, long length, HourFolder folder, CancellationToken cancellationToken)
    {
        var position = _positions.GetValueOrDefault(blob.Name);
        if (position is not null && position.ETag == etag.ToString() && position.Exhausted)
        {
            return;
        }

        if (position is not null && length < position.Offset)
        {
            Replaced(blob.Name, "it shrank");
            _positions.Remove(blob.Name);
            position = null;
        }

        if (length == 0)
        {
            _positions[blob.Name] = new InferenceLogBlobPosition(blob.Name, etag.ToString(), 0, 0, 0, true, null, null);
            return;
        }

        var offset = position?.Offset ?? 0;
        if (!_blobsRead.Contains(blob.Name))
        {
            _blobsRead.Add(blob.Name);
        }

        if (position is not null && position.ETag != etag.ToString() && offset > BlobFingerprint.Size
            && !await HeadMatchesAsync(blob, etag, position.HeadHash, cancellationToken))
        {
            Replaced(blob.Name, "its first bytes changed");
            _positions.Remove(blob.Name);
            (position, offset) = (null, 0);
        }

        var before = BlobFingerprint.BytesBefore(offset);
        var download = await blob.DownloadStreamingAsync(
            new BlobDownloadOptions { Range = new HttpRange(offset - before), Conditions = new BlobRequestConditions { IfMatch = etag } },
            cancellationToken);
        await using var content = download.Value.Content;
        var bytesBefore = new byte[before];
        await content.ReadExactlyAsync(bytesBefore, cancellationToken);
        if (position is not null && before > 0 && BlobFingerprint.Hash(bytesBefore) != position.BoundaryHash)
        {
            Replaced(blob.Name, "its bytes before the read offset changed");
            _positions.Remove(blob.Name);
            await content.DisposeAsync();
            await ReadBlobAtAsync(blob, etag, length, folder, cancellationToken);
            return;
        }

        var fingerprint = new BlobFingerprint(offset, bytesBefore, position?.HeadHash);
        await ReadLinesAsync(blob.Name, etag, length, folder, content, offset, position?.RowsTaken ?? 0, fingerprint, cancellationToken);
    }

    private static async Task<bool> HeadMatchesAsync(BlobClient blob, ETag etag, string? headHash, CancellationToken cancellationToken)
    {
        var download = await blob.DownloadContentAsync(
            new BlobDownloadOptions { Range = new HttpRange(0, BlobFingerprint.Size), Conditions = new BlobRequestConditions { IfMatch = etag } },
            cancellationToken);
        return BlobFingerprint.Hash(download.Value.Content.ToMemory().Span) == headHash;
    }

    private async Task ReadLinesAsync(
        string name, ETag etag, long length, HourFolder folder, Stream content, long offset, int rowsTaken, BlobFingerprint fingerprint,
        CancellationToken cancellationToken)
    {
        using var lines = new JsonlLineReader(content, MaxLineBytes);
        var exhausted = false;
        var malformedBefore = _malformed;
        try
        {
            while (!Full)
            {
                var line = await lines.ReadLineAsync(cancellationToken);
                if (line.Status == JsonlLineStatus.End)
                {
                    exhausted = true;
                    break;
                }

                if (line.Status == JsonlLineStatus.Complete && IsBlank(line.Content.Span))
                {
                    Consume(line);
                    continue;
                }

                if (line.Status == JsonlLineStatus.TooLong || !InferenceRecord.TryParse(line.Content, out var record))
                {
                    _malformed++;
                    Consume(line);
                    continue;
                }

                if ((record!.Time ?? folder.Start) > latestRecordTime)
                {
                    record.Dispose();
                    _malformed++;
                    Consume(line);
                    continue;
                }

                using (record)
                {
                    rowsTaken = TakeRows(record!, rowsTaken, folder);
                }

                if (rowsTaken == 0)
                {
                    Consume(line);
                }
            }
        }
        finally
        {
            _positions[name] = new InferenceLogBlobPosition(name, etag.ToString(), length, offset, rowsTaken, exhausted, fingerprint.TailHash, fingerprint.HeadHash);
            if (_malformed > malformedBefore)
            {
                logger.LogWarning("Skipped {MalformedLines} malformed lines in {Blob}", _malformed - malformedBefore, name);
            }
        }

        void Consume(JsonlLine line)
        {
            offset += line.ByteCount;
            fingerprint.Append(line.Content.Span);
            fingerprint.Append("\n"u8);
        }
    }

    /// <summary>Adds the record's rows from <paramref name="rowsTaken"/> on, up to maxRows; returns the rows of it still to take later (0 when done).</summary>
    private int TakeRows(InferenceRecord record, int rowsTaken, HourFolder folder)
    {
        if (rowsTaken == 0)
        {
            _records++;
            if (record.Time is { } time)
            {
                _first = _first is null || time < _first ? time : _first;
                _last = _last is null || time > _last ? time : _last;
            }
        }

        var take = Math.Min(record.Rows.Count - rowsTaken, maxRows - _rows.Count);
        var rowTime = record.Time ?? folder.Start;
        for (var i = rowsTaken; i < rowsTaken + take; i++)
        {
            _rows.Add(record.Rows[i], rowTime, record.RowCorrelationId(i), record.ModelVersion);
        }

        CountVersion(record, newRecord: rowsTaken == 0, take);
        rowsTaken += take;
        return rowsTaken == record.Rows.Count ? 0 : rowsTaken;
    }

    private void CountVersion(InferenceRecord record, bool newRecord, int rows)
    {
        var key = record.ModelVersion ?? "";
        var stats = _versions.GetValueOrDefault(key) ?? new InferenceModelVersionStats(0, 0, null, null);
        var time = record.Time;
        _versions[key] = stats with
        {
            Records = stats.Records + (newRecord ? 1 : 0),
            Rows = stats.Rows + rows,
            FirstSeen = time is not null && (stats.FirstSeen is null || time < stats.FirstSeen) ? time : stats.FirstSeen,
            LastSeen = time is not null && (stats.LastSeen is null || time > stats.LastSeen) ? time : stats.LastSeen,
        };
    }

    private void Replaced(string name, string reason)
    {
        _replaced++;
        logger.LogWarning("Blob {Blob} was replaced ({Reason}); reading it again from the start", name, reason);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;
}
