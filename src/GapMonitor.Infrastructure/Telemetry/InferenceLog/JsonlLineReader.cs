using System.Buffers;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>What <see cref="JsonlLineReader.ReadLineAsync"/> found.</summary>
internal enum JsonlLineStatus
{
    /// <summary>A line ending with a newline.</summary>
    Complete,

    /// <summary>A newline-terminated line longer than the limit; its bytes were skipped and only its tail is returned.</summary>
    TooLong,

    /// <summary>The stream ended; anything after the last newline is an incomplete line and is not returned.</summary>
    End,
}

/// <param name="Content">The line without its newline (for <see cref="JsonlLineStatus.TooLong"/>: its last bytes only). Valid until the next read.</param>
/// <param name="ByteCount">Bytes the line occupies in the stream, newline included.</param>
internal readonly record struct JsonlLine(JsonlLineStatus Status, ReadOnlyMemory<byte> Content, long ByteCount);

/// <summary>Splits a UTF-8 stream into newline-terminated lines with bounded memory.</summary>
internal sealed class JsonlLineReader(Stream stream, int maxLineBytes) : IDisposable
{
    /// <summary>Bytes of a too-long line kept so that its tail is known when its newline arrives.</summary>
    public const int KeptTail = 64;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxLineBytes, 64 * 1024));
    private int _start;
    private int _end;
    private long _discarded;
    private bool _ended;

    public async ValueTask<JsonlLine> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineStart = _start;
                _start += newline + 1;
                if (_discarded > 0)
                {
                    var total = _discarded + newline + 1;
                    _discarded = 0;
                    var tailStart = Math.Max(0, lineStart + newline - KeptTail);
                    return new JsonlLine(JsonlLineStatus.TooLong, _buffer.AsMemory(tailStart, lineStart + newline - tailStart), total);
                }

                return new JsonlLine(JsonlLineStatus.Complete, _buffer.AsMemory(lineStart, newline), newline + 1);
            }

            if (_ended)
            {
                return new JsonlLine(JsonlLineStatus.End, ReadOnlyMemory<byte>.Empty, 0);
            }

            MakeRoom();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                _ended = true;
            }

            _end += read;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end < _buffer.Length)
        {
            return;
        }

        if (_buffer.Length < maxLineBytes)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(maxLineBytes, _buffer.Length * 2));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
            return;
        }

        // The line exceeds the limit: forget all but its last bytes and keep looking for its newline.
        _discarded += _end - KeptTail;
        _buffer.AsSpan(_end - KeptTail, KeptTail).CopyTo(_buffer);
        _end = KeptTail;
    }
}
