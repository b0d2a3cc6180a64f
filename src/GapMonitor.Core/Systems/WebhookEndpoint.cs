namespace GapMonitor.Core.Systems;

/// <summary>A Standard Webhooks endpoint; <see cref="Secret"/> is the <c>whsec_</c> signing secret.</summary>
public sealed record WebhookEndpoint(Uri Url, string Secret);
