namespace GapMonitor.Api.Contracts;

public sealed record WebhookRequest(string? Url, string? Secret);
