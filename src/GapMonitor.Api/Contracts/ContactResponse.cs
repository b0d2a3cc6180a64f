namespace GapMonitor.Api.Contracts;

public sealed record ContactResponse(string Party, string? Email, WebhookResponse? Webhook);
