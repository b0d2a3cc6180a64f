namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>Thrown at connect time when every address of a webhook host is on a refused network.</summary>
public sealed class WebhookAddressRefusedException : Exception
{
    public WebhookAddressRefusedException()
    {
    }

    public WebhookAddressRefusedException(string message)
        : base(message)
    {
    }

    public WebhookAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WebhookAddressRefusedException(string host, IEnumerable<string> refusedAddresses)
        : base($"Refused to connect to webhook host '{host}': it resolves only to addresses on private or special networks ({string.Join(", ", refusedAddresses)}). " +
            $"Set GapMonitor:Webhooks:AllowPrivateNetworks to true to allow this (local demos and tests only).")
    {
    }
}
