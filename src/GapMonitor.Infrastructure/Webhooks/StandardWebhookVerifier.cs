using System.Globalization;
using System.Security.Cryptography;

namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>
/// Verifies a received Standard Webhooks request: one of the space-separated <c>v1,…</c> signatures must match
/// (compared in constant time) and the timestamp must be within <see cref="Tolerance"/> of now (replay protection).
/// </summary>
public sealed class StandardWebhookVerifier(TimeProvider timeProvider)
{
    public static TimeSpan Tolerance { get; } = TimeSpan.FromMinutes(5);

    public WebhookVerificationResult Verify(string secret, string? id, string? timestamp, string? signatures, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return WebhookVerificationResult.Invalid("A webhook-id, webhook-timestamp or webhook-signature header is missing.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerificationResult.Invalid("The webhook-timestamp header is not Unix seconds.");
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > Tolerance.TotalSeconds)
        {
            return WebhookVerificationResult.Invalid("The webhook-timestamp is too far from the current time.");
        }

        var expected = StandardWebhookSigner.ComputeHash(WebhookSecretKey.Decode(secret), id, seconds, body);
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryDecodeV1(entry, out var candidate) && CryptographicOperations.FixedTimeEquals(candidate, expected))
            {
                return WebhookVerificationResult.Valid;
            }
        }

        return WebhookVerificationResult.Invalid("No v1 signature matches.");
    }

    private static bool TryDecodeV1(string entry, out byte[] signature)
    {
        signature = [];
        if (!entry.StartsWith("v1,", StringComparison.Ordinal))
        {
            return false;
        }

        var buffer = new byte[entry.Length];
        if (!Convert.TryFromBase64String(entry[3..], buffer, out var written))
        {
            return false;
        }

        signature = buffer[..written];
        return true;
    }
}
