using System.Security.Cryptography;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// The first and the last bytes consumed from a blob. Their hashes, stored with the offset, tell on the next read
/// whether the bytes before the offset are still the same (an append, or a re-upload with more lines) or the blob was
/// replaced. Records start with their id and end with row values, so together they tell most replacements apart.
/// </summary>
internal sealed class BlobFingerprint
{
    public const int Size = 256;

    private readonly byte[] _head = new byte[Size];
    private readonly byte[] _tail = new byte[Size];
    private readonly string? _knownHeadHash;
    private int _headCount;
    private int _tailCount;
    private long _offset;

    /// <param name="bytesBefore">The <see cref="BytesBefore"/>(<paramref name="offset"/>) bytes just before the offset.</param>
    /// <param name="headHash">The stored head hash; needed when the offset is past the head.</param>
    public BlobFingerprint(long offset, ReadOnlySpan<byte> bytesBefore, string? headHash)
    {
        _offset = offset;
        if (offset > Size)
        {
            _knownHeadHash = headHash;
        }
        else
        {
            bytesBefore.CopyTo(_head);
            _headCount = bytesBefore.Length;
        }

        bytesBefore.CopyTo(_tail);
        _tailCount = bytesBefore.Length;
    }

    /// <summary>Hash of the first <see cref="Size"/> bytes, once the offset is past them (before that the tail covers them).</summary>
    public string? HeadHash => _offset > Size ? _knownHeadHash ?? Hash(_head) : null;

    /// <summary>Hash of the (up to <see cref="Size"/>) bytes just before the offset.</summary>
    public string? TailHash => _tailCount == 0 ? null : Hash(_tail.AsSpan(0, _tailCount));

    public static int BytesBefore(long offset) => (int)Math.Min(offset, Size);

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes).AsSpan(0, 12));

    public void Append(ReadOnlySpan<byte> bytes)
    {
        _offset += bytes.Length;
        if (_knownHeadHash is null && _headCount < Size)
        {
            var take = Math.Min(Size - _headCount, bytes.Length);
            bytes[..take].CopyTo(_head.AsSpan(_headCount));
            _headCount += take;
        }

        if (bytes.Length >= Size)
        {
            bytes[^Size..].CopyTo(_tail);
            _tailCount = Size;
            return;
        }

        var keep = Math.Min(_tailCount, Size - bytes.Length);
        _tail.AsSpan(_tailCount - keep, keep).CopyTo(_tail);
        bytes.CopyTo(_tail.AsSpan(keep));
        _tailCount = keep + bytes.Length;
    }
}
