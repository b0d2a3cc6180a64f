namespace GapMonitor.Testing;

/// <summary>One request a <see cref="TestWebhookReceiver"/> got, with the outcome of its signature check.</summary>
public sealed record ReceivedWebhook(
    int Number,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    bool SignatureValid,
    string? SignatureFailure)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
