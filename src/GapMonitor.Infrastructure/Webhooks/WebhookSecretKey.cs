namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>The HMAC key of a Standard Webhooks secret: the base64 text after the <c>whsec_</c> prefix.</summary>
internal static class WebhookSecretKey
{
    private const string Prefix = "whsec_";

    /// <exception cref="FormatException">The secret is not a non-empty base64 key (the message never contains the secret).</exception>
    public static byte[] Decode(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var encoded = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        var key = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, key, out var length) || length == 0)
        {
            throw new FormatException("The webhook secret is not a non-empty base64 key after its whsec_ prefix.");
        }

        return key[..length];
    }
}
