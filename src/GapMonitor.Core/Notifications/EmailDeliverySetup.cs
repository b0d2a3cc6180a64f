namespace GapMonitor.Core.Notifications;

/// <summary>How email notifications leave this host; health reports <see cref="EmailDeliveryMode.NotConfigured"/> as unhealthy.</summary>
public sealed record EmailDeliverySetup(EmailDeliveryMode Mode)
{
    /// <summary>What an operator must do, when email cannot reach anybody; null otherwise.</summary>
    public string? Problem => Mode == EmailDeliveryMode.NotConfigured
        ? "Email delivery is not configured: set GapMonitor__Email__Smtp__Host (or GapMonitor__Email__PickupDirectory for local runs). Email alerts are held and retried until then."
        : null;
}
