using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>Signs webhook requests as the Standard Webhooks specification says (<c>v1</c>, HMAC-SHA256).</summary>
public sealed class StandardWebhookSigner(TimeProvider timeProvider)
{
    /// <summary>Signs <paramref name="body"/> for message <paramref name="id"/> at the current time.</summary>
    /// <exception cref="FormatException">The secret is not a valid <c>whsec_</c> secret.</exception>
    public WebhookSignature Sign(string id, string body, string secret)
    {
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        return new WebhookSignature(id, timestamp, ComputeSignature(secret, id, timestamp, body));
    }

    /// <summary>The <c>webhook-signature</c> value: <c>v1,</c> + base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.</summary>
    public static string ComputeSignature(string secret, string id, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(ComputeHash(WebhookSecretKey.Decode(secret), id, timestamp, body));

    internal static byte[] ComputeHash(byte[] key, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(body);
        var signedContent = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return HMACSHA256.HashData(key, signedContent);
    }
}
