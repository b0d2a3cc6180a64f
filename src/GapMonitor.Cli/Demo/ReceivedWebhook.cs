namespace GapMonitor.Cli.Demo;

/// <param name="Links">The notification's one-click action links (<c>data.links</c>), by action.</param>
internal sealed record ReceivedWebhook(
    DateTimeOffset At,
    string Receiver,
    string WebhookId,
    string? Type,
    string? Kind,
    string? SystemId,
    bool SignatureValid,
    string? Failure,
    IReadOnlyDictionary<string, string>? Links = null);
