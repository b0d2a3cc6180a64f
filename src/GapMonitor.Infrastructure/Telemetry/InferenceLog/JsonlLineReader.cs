using System.Buffers;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

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
