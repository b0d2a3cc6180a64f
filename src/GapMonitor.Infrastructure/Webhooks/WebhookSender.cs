using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using Polly.Timeout;

namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>
/// Delivers a notification by POSTing its JSON body (with the action links of <see cref="OutboundMessage.Body"/>), signed per Standard Webhooks, to the contact's URL.
/// 2xx is delivered; every other outcome is a failure the outbox retries, except targets that can never
/// be reached (a refused address or port, an unusable URL or secret, a receiver answering 410 Gone), which are permanent.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClientFactory, StandardWebhookSigner signer, TimeProvider timeProvider)
    : INotificationSender
{
    public const string HttpClientName = "GapMonitor.Webhooks";
    private const int MaxErrorDetailLength = 200;
    private static readonly TimeSpan ErrorDetailReadTimeout = TimeSpan.FromSeconds(2);

    public NotificationChannel Channel => NotificationChannel.Webhook;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var notification = message.Notification;
        if (!Uri.TryCreate(notification.Target, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return DeliveryResult.Failure("The webhook URL is not an absolute http(s) URL.", permanent: true);
        }

        if (string.IsNullOrEmpty(message.WebhookSecret))
        {
            return DeliveryResult.Failure("The webhook contact has no signing secret.", permanent: true);
        }

        WebhookSignature signature;
        try
        {
            signature = signer.Sign(notification.Id, message.Body, message.WebhookSecret);
        }
        catch (FormatException ex)
        {
            return DeliveryResult.Failure(ex.Message, permanent: true);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(message.Body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(StandardWebhookHeaders.Id, signature.Id);
        request.Headers.Add(StandardWebhookHeaders.Timestamp, signature.TimestampHeaderValue);
        request.Headers.Add(StandardWebhookHeaders.Signature, signature.Signature);

        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode
                ? DeliveryResult.Success
                : await FailureOfAsync(response, cancellationToken);
        }
        catch (HttpRequestException ex) when (FindInner<WebhookAddressRefusedException>(ex) is { } refused)
        {
            return DeliveryResult.Failure(refused.Message, permanent: true);
        }
        catch (HttpRequestException ex)
        {
            return DeliveryResult.Failure($"The webhook request failed ({ex.HttpRequestError}): {ex.Message}");
        }
        catch (TimeoutRejectedException ex)
        {
            return DeliveryResult.Failure($"The webhook receiver did not answer within {ex.Timeout.TotalSeconds:0.#} s.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failure("The webhook request timed out.");
        }
    }

    private async Task<DeliveryResult> FailureOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var error = new StringBuilder($"HTTP {status} {response.ReasonPhrase}");
        if (response.Headers.Location is { } location)
        {
            error.Append(" redirecting to ").Append(Truncate(location.ToString())).Append(" (redirects are not followed; configure the final URL)");
        }

        var detail = await ReadDetailAsync(response, cancellationToken);
        if (detail.Length > 0)
        {
            error.Append(": ").Append(detail);
        }

        var retryAfter = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            ? RetryAfterHeader.Delay(response.Headers.RetryAfter, timeProvider.GetUtcNow())
            : null;

        // 410 Gone says the endpoint was removed for good: stop retrying, so the contact shows as unreachable.
        // Every other status is retried, 4xx included: a misconfigured receiver usually gets fixed within the retry window.
        return DeliveryResult.Failure(error.ToString(), retryAfter, permanent: response.StatusCode == HttpStatusCode.Gone);
    }

    /// <summary>The start of the response body, bounded in bytes and time (the request timeouts end at the headers), on one line.</summary>
    private async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var readTimeout = new CancellationTokenSource(ErrorDetailReadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, readTimeout.Token);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            var buffer = new byte[MaxErrorDetailLength * 4];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, linked.Token);
            var text = Encoding.UTF8.GetString(buffer, 0, read);
            var oneLine = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
            return Truncate(oneLine);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return string.Empty;
        }
    }

    private static string Truncate(string text) =>
        text.Length <= MaxErrorDetailLength ? text : string.Concat(text.AsSpan(0, MaxErrorDetailLength), "…");

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
