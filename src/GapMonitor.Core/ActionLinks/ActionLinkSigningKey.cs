using System.Security.Cryptography;
using System.Text;

namespace GapMonitor.Core.ActionLinks;

/// <summary>
/// The key that signs action links: <c>GapMonitor__ActionLinks__SigningKey</c> (base64, at least 32 bytes) when set,
/// otherwise derived from the admin key with HKDF-SHA256 (info <see cref="DerivationLabel"/>), so that a link never
/// reveals anything about the admin key and rotating the admin key invalidates every link.
/// </summary>
public static class ActionLinkSigningKey
{
    public const int MinBytes = 32;
    public const string DerivationLabel = "gapmonitor action links v1";

    /// <returns>Null when neither is configured: no links are sent and every link is refused.</returns>
    /// <exception cref="FormatException">The configured signing key is not base64 of at least <see cref="MinBytes"/> bytes.</exception>
    public static byte[]? From(string? configuredKey, string? adminApiKey)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configuredKey.Trim());
            }
            catch (FormatException)
            {
                throw new FormatException("GapMonitor:ActionLinks:SigningKey is not base64.");
            }

            return key.Length >= MinBytes ? key : throw new FormatException($"GapMonitor:ActionLinks:SigningKey must decode to at least {MinBytes} bytes.");
        }

        if (string.IsNullOrWhiteSpace(adminApiKey))
        {
            return null;
        }

        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(adminApiKey.Trim()), 32, salt: [], info: Encoding.UTF8.GetBytes(DerivationLabel));
    }
}
