namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>The HMAC key of a Standard Webhooks secret: the base64 text after the <c>whsec_</c> prefix.</summary>
internal static class WebhookSecretKey
{
    private const string Prefix = "whsec_";

    /// <exception cref="FormatException">The secret is not base64 (the message never contains the secret).</exception>
    public static byte[] Decode(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var encoded = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        try
        {
            return Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw new FormatException("The webhook secret is not base64 after its whsec_ prefix.");
        }
    }
}
