using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// Seals a stored idempotent response (it may hold a new API key) with AES-256-GCM under a key derived from the scoped
/// Idempotency-Key (caller key id, method, path and the client's key): storage alone cannot reveal it. Compressed first,
/// so most large responses still fit one entity.
/// </summary>
internal static class IdempotencySeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Salt = Encoding.UTF8.GetBytes("gapmonitor/idempotency/v1");

    public static byte[] Seal(string scopedKey, string context, byte[] plaintext)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(plaintext);
        }

        var data = compressed.ToArray();
        var sealedBytes = new byte[NonceSize + TagSize + data.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(KeyOf(scopedKey), TagSize);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        return sealedBytes;
    }

    /// <summary>The plaintext, or null when the bytes were not sealed for this key and context (or were altered).</summary>
    public static byte[]? Open(string scopedKey, string context, byte[] sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }

        var data = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(KeyOf(scopedKey), TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), data, Encoding.UTF8.GetBytes(context));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        using var brotli = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        brotli.CopyTo(plain);
        return plain.ToArray();
    }

    private static byte[] KeyOf(string scopedKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(scopedKey), 32, Salt, "response"u8.ToArray());
}
