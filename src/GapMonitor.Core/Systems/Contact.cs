namespace GapMonitor.Core.Systems;

/// <summary>Somebody of one party reachable by email, by a signed webhook, or both.</summary>
public sealed record Contact(Party Party, string? Email, WebhookEndpoint? Webhook);

/// <summary>A Standard Webhooks endpoint; <see cref="Secret"/> is the <c>whsec_</c> signing secret.</summary>
public sealed record WebhookEndpoint(Uri Url, string Secret);
