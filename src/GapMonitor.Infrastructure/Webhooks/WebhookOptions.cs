namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>Settings of outbound webhook delivery (section <c>GapMonitor:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "GapMonitor:Webhooks";

    /// <summary>Allow webhook targets on loopback, private and link-local networks (local demos and tests only).</summary>
    public bool AllowPrivateNetworks { get; set; }
}
