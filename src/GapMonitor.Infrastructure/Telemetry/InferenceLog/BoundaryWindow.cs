using System.Security.Cryptography;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// The last bytes consumed from a blob. Their hash, stored with the offset, tells on the next read whether the bytes
/// before the offset are still the same (an append or a re-upload with more lines) or the blob was replaced.
/// </summary>
internal sealed class BoundaryWindow
{
    public const int Size = 64;

    private readonly byte[] _bytes = new byte[Size];
    private int _count;

    public static int BytesBefore(long offset) => (int)Math.Min(offset, Size);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= Size)
        {
            bytes[^Size..].CopyTo(_bytes);
            _count = Size;
            return;
        }

        var keep = Math.Min(_count, Size - bytes.Length);
        _bytes.AsSpan(_count - keep, keep).CopyTo(_bytes);
        bytes.CopyTo(_bytes.AsSpan(keep));
        _count = keep + bytes.Length;
    }

    public void Reset() => _count = 0;

    public string? Hash() => _count == 0 ? null : Hash(_bytes.AsSpan(0, _count));

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes).AsSpan(0, 12));
}
