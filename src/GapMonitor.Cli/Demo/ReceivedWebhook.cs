namespace GapMonitor.Cli.Demo;

internal sealed record ReceivedWebhook(DateTimeOffset At, string Receiver, string WebhookId, string? Type, string? Kind, string? SystemId, bool SignatureValid, string? Failure);
