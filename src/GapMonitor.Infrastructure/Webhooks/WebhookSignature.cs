using System.Globalization;

namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>The three Standard Webhooks header values of one signed request.</summary>
public sealed record WebhookSignature(string Id, long Timestamp, string Signature)
{
    public string TimestampHeaderValue => Timestamp.ToString(CultureInfo.InvariantCulture);
}
