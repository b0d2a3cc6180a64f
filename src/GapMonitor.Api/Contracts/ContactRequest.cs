namespace GapMonitor.Api.Contracts;

public sealed record ContactRequest(string? Party, string? Email, WebhookRequest? Webhook);
