namespace GapMonitor.Core.Systems;

/// <summary>Somebody of one party reachable by email, by a signed webhook, or both.</summary>
public sealed record Contact(Party Party, string? Email, WebhookEndpoint? Webhook);
