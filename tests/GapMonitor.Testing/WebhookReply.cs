using System.Net;

namespace GapMonitor.Testing;

/// <summary>What a <see cref="TestWebhookReceiver"/> answers.</summary>
public sealed record WebhookReply(HttpStatusCode Status, IReadOnlyDictionary<string, string>? Headers = null, string? Body = null)
{
    public static WebhookReply NoContent { get; } = new(HttpStatusCode.NoContent);

    public static WebhookReply Redirect(Uri location) =>
        new(HttpStatusCode.Found, new Dictionary<string, string> { ["Location"] = location.AbsoluteUri });

    public static WebhookReply WithRetryAfter(HttpStatusCode status, string retryAfter) =>
        new(status, new Dictionary<string, string> { ["Retry-After"] = retryAfter });
}
