namespace GapMonitor.Api.Contracts;

/// <summary>The URL is shown only to the party owning the contact and to admin (it often carries a token); others see the host.</summary>
public sealed record WebhookResponse(string? Url, string Host);
