using System.Globalization;
using System.Net;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Infrastructure.Tests.Webhooks;

public sealed class WebhookSenderTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_WhenReceiverAnswers2xx_DeliversSignedJsonWithStandardHeaders()
    {
        var clock = new FakeTimeProvider(Now);
        await using var receiver = TestWebhookReceiver.Start(timeProvider: clock);
        await using var host = new WebhookTestHost(allowPrivateNetworks: true, clock);
        var message = TestMessages.Webhook(receiver.Url, receiver.Secret);

        var result = await host.Sender.SendAsync(message);

        Assert.True(result.Succeeded, result.Error);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/webhook", request.Path);
        Assert.True(request.SignatureValid, request.SignatureFailure);
        Assert.Equal(message.Notification.Id, request.Header("webhook-id"));
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), request.Header("webhook-timestamp"));
        Assert.StartsWith("v1,", request.Header("webhook-signature"), StringComparison.Ordinal);
        Assert.Equal("application/json", request.Header("content-type"));
        Assert.Equal("GapMonitor/1.0", request.Header("user-agent"));
        Assert.Equal(message.Notification.Body, request.Body);
    }

    [Fact]
    public async Task SendAsync_WhenReceiverFailsFirstRequest_SecondAttemptIsDelivered()
    {
        await using var receiver = TestWebhookReceiver.Start();
        receiver.FailFirst = 1;
        await using var host = new WebhookTestHost(allowPrivateNetworks: true);
        var message = TestMessages.Webhook(receiver.Url, receiver.Secret);

        var first = await host.Sender.SendAsync(message);
        var second = await host.Sender.SendAsync(message);

        Assert.False(first.Succeeded);
        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal(message.Notification.Id, r.Header("webhook-id")));
    }

    [Fact]
    public async Task SendAsync_WhenReceiverAnswers500_ReturnsRetryableFailureWithStatusAndShortDetail()
    {
        await using var receiver = TestWebhookReceiver.Start();
        receiver.Responder = (_, _) => Task.FromResult(new WebhookReply(HttpStatusCode.InternalServerError, Body: "boom\n" + new string('x', 5000)));
        await using var host = new WebhookTestHost(allowPrivateNetworks: true);

        var result = await host.Sender.SendAsync(TestMessages.Webhook(receiver.Url, receiver.Secret));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Null(result.RetryAfter);
        Assert.StartsWith("HTTP 500", result.Error, StringComparison.Ordinal);
        Assert.Contains("boom x", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error!.Length < 300, result.Error);
        Assert.DoesNotContain(receiver.Secret["whsec_".Length..], result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task SendAsync_WhenReceiverAnswers4xx_IsRetriedNotPermanent(HttpStatusCode status)
    {
        await using var receiver = TestWebhookReceiver.Start();
        receiver.FailFirst = 1;
        receiver.FailureStatus = status;
        await using var host = new WebhookTestHost(allowPrivateNetworks: true);

        var result = await host.Sender.SendAsync(TestMessages.Webhook(receiver.Url, receiver.Secret));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.StartsWith($"HTTP {(int)status}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenReceiverAnswers410Gone_FailsPermanently()
    {
        await using var receiver = TestWebhookReceiver.Start();
        receiver.FailFirst = 1;
        receiver.FailureStatus = HttpStatusCode.Gone;
        await using var host = new WebhookTestHost(allowPrivateNetworks: true);

        var result = await host.Sender.SendAsync(TestMessages.Webhook(receiver.Url, receiver.Secret));

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.StartsWith("HTTP 410", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://203.0.113.10:8443/webhook", 8443)]
    [InlineData("http://203.0.113.10/webhook", 80)]
    [InlineData("https://203.0.113.10:6379/webhook", 6379)]
    public async Task SendAsync_WhenPortIsNot443OnPublicNetworks_RefusesPermanentlyWithoutConnecting(string url, int port)
    {
        await using var host = new WebhookTestHost(allowPrivateNetworks: false);

        var result = await host.Sender.SendAsync(TestMessages.Webhook(new Uri(url), TestWebhookReceiver.NewSecret()));

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent, result.Error);
        Assert.Contains($"port {port}", result.Error, StringComparison.Ordinal);
        Assert.Contains("GapMonitor:Webhooks:AllowPrivateNetworks", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_When429WithRetryAfterSeconds_ReturnsThatDelay()
    {
        await using var receiver = TestWebhookReceiver.Start();
        receiver.Responder = (_, _) => Task.FromResult(WebhookReply.WithRetryAfter(HttpStatusCode.TooManyRequests, "7"));
        await using var host = new WebhookTestHost(allowPrivateNetworks: true);

        var result = await host.Sender.SendAsync(TestMessages.Webhook(receiver.Url, receiver.Secret));

        Assert.False(result.Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.StartsWith("HTTP 429", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_When503WithRetryAfterDate_ReturnsDelayFromTheInjectedClock()
    {
        var clock = new FakeTimeProvider(Now);
        await using var receiver = TestWebhookReceiver.Start(timeProvider: clock);
        receiver.Responder = (_, _) => Task.FromResult(WebhookReply.WithRetryAfter(HttpStatusCode.ServiceUnavailable, Now.AddMinutes(2).ToString("R", CultureInfo.InvariantCulture)));
        await using var host = new WebhookTestHost(allowPrivateNetworks: true, clock);

        var result = await host.Sender.SendAsync(TestMessages.Webhook(receiver.Url, receiver.Secret));

        Assert.False(result.Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(2), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_WhenReceiverRedirects_DoesNotFollowTheRedirect()
    {
        await using var redirectTarget = TestWebhookReceiver.Start();
        await using var receiver = TestWebhookReceiver.Start();
        receiver.Responder = (_, _) => Task.FromResult(WebhookReply.Redirect(redirectTarget.Url));
        await using var host = new WebhookTestHost(allowPrivateNetworks: true);

        var result = await host.Sender.SendAsync(TestMessages.Webhook(receiver.Url, receiver.Secret));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.StartsWith("HTTP 302", result.Error, StringComparison.Ordinal);
        Assert.Contains("not followed", result.Error, StringComparison.Ordinal);
        Assert.Single(receiver.Requests);
        Assert.Empty(redirectTarget.Requests);
    }

    [Fact]
    public async Task SendAsync_WhenNothingListens_ReturnsRetryableFailureInsteadOfThrowing()
    {
        await using var host = new WebhookTestHost(allowPrivateNetworks: true);
        var closed = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/webhook");

        var result = await host.Sender.SendAsync(TestMessages.Webhook(closed, TestWebhookReceiver.NewSecret()));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains("refused", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendAsync_WhenReceiverDoesNotAnswerInTime_ReturnsRetryableTimeoutFailure()
    {
        var clock = new FakeTimeProvider(Now);
        await using var receiver = TestWebhookReceiver.Start(timeProvider: clock);
        receiver.Responder = async (_, stopping) =>
        {
            await Task.Delay(Timeout.Infinite, stopping);
            return WebhookReply.NoContent;
        };
        await using var host = new WebhookTestHost(allowPrivateNetworks: true, clock);

        var sending = host.Sender.SendAsync(TestMessages.Webhook(receiver.Url, receiver.Secret));
        await receiver.WaitForRequestAsync();
        clock.Advance(TimeSpan.FromSeconds(11));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
        Assert.Contains("did not answer within", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/webhook", "loopback")]
    [InlineData("http://localhost:{port}/webhook", "loopback")]
    [InlineData("http://[::1]:{port}/webhook", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/webhook", "loopback")]
    [InlineData("http://10.20.30.40/webhook", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    public async Task SendAsync_WhenTargetIsOnPrivateNetworkAndNotAllowed_RefusesPermanentlyWithoutConnecting(string url, string kind)
    {
        await using var receiver = TestWebhookReceiver.Start();
        await using var host = new WebhookTestHost(allowPrivateNetworks: false);
        var target = new Uri(url.Replace("{port}", receiver.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var result = await host.Sender.SendAsync(TestMessages.Webhook(target, receiver.Secret));

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.Contains("private or special networks", result.Error, StringComparison.Ordinal);
        Assert.Contains(kind, result.Error, StringComparison.Ordinal);
        Assert.Contains("GapMonitor:Webhooks:AllowPrivateNetworks", result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/webhook")]
    [InlineData("http://localhost:{port}/webhook")]
    public async Task SendAsync_WhenPrivateNetworksAllowed_DeliversToLoopback(string url)
    {
        await using var receiver = TestWebhookReceiver.Start();
        await using var host = new WebhookTestHost(allowPrivateNetworks: true);
        var target = new Uri(url.Replace("{port}", receiver.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var result = await host.Sender.SendAsync(TestMessages.Webhook(target, receiver.Secret));

        Assert.True(result.Succeeded, result.Error);
        Assert.True(Assert.Single(receiver.Requests).SignatureValid);
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/gap")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task SendAsync_WhenTargetIsNotHttp_FailsPermanently(string target)
    {
        await using var host = new WebhookTestHost(allowPrivateNetworks: true);
        var message = TestMessages.Webhook(new Uri("https://placeholder.example/"), TestWebhookReceiver.NewSecret());
        message = message with { Notification = message.Notification with { Target = target } };

        var result = await host.Sender.SendAsync(message);

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.Contains("http(s)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenSecretIsNotBase64_FailsPermanentlyWithoutRevealingIt()
    {
        await using var receiver = TestWebhookReceiver.Start();
        await using var host = new WebhookTestHost(allowPrivateNetworks: true);

        var result = await host.Sender.SendAsync(TestMessages.Webhook(receiver.Url, "whsec_not*base64!"));

        Assert.False(result.Succeeded);
        Assert.True(result.Permanent);
        Assert.DoesNotContain("not*base64!", result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }
}
