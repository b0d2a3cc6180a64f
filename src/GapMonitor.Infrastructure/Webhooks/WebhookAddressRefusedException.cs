namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>Thrown at connect time when a tenant-chosen host's port, or every address it resolves to, is refused.</summary>
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
        : base($"Refused to connect to host '{host}': it resolves only to addresses on private or special networks ({string.Join(", ", refusedAddresses)}). " +
            $"Set GapMonitor:Webhooks:AllowPrivateNetworks to true to allow this (local demos and tests only).")
    {
    }

    /// <summary>The port of <paramref name="host"/> is refused (<paramref name="reason"/>).</summary>
    public static WebhookAddressRefusedException ForPort(string host, string reason) =>
        new($"Refused to connect to host '{host}': {reason}. " +
            "Set GapMonitor:Webhooks:AllowPrivateNetworks to true to allow any port (local demos and tests only).");
}
