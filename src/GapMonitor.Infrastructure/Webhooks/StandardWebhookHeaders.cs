namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>Header names of the Standard Webhooks specification.</summary>
public static class StandardWebhookHeaders
{
    public const string Id = "webhook-id";
    public const string Timestamp = "webhook-timestamp";
    public const string Signature = "webhook-signature";
}
