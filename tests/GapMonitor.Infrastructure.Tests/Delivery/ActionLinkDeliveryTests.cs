using System.Security.Cryptography;
using System.Text.Json;
using GapMonitor.Core.ActionLinks;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Tests.Reliability;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Infrastructure.Tests.Delivery;

/// <summary>Action links as delivered by the real senders on Azurite: in the signed webhook body, and in both parts of an email.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionLinkDeliveryTests(AzuriteFixture azurite)
{
    private static readonly Uri PublicBaseUrl = new("https://gapmonitor.example/");
    private static readonly TimeSpan LongestFirstRetry = TimeSpan.FromSeconds(31);
    private readonly ActionLinkSettings _settings = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Webhook_CarriesDataLinksInTheSignedBody_AndARetrySendsTheSameBytes()
    {
        var time = new FakeTimeProvider(SystemBuilder.Epoch);
        await using var receiver = TestWebhookReceiver.Start(timeProvider: time);
        receiver.FailFirst = 1;
        await using var scenario = await OneSystemScenario.StartAsync(
            azurite, time, new Contact(Party.Customer, null, new WebhookEndpoint(receiver.Url, receiver.Secret)), configure: LinksOn);

        await scenario.SweepAsync();
        time.Advance(LongestFirstRetry);
        await scenario.SweepAsync();

        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid, r.SignatureFailure));
        Assert.Equal(receiver.Requests[0].Body, receiver.Requests[1].Body);
        using var body = JsonDocument.Parse(receiver.Requests[1].Body);
        var links = body.RootElement.GetProperty("data").GetProperty("links");
        Assert.Equal(["acknowledge", "snooze", "status"], links.EnumerateObject().Select(l => l.Name));
        var acknowledge = Token(links.GetProperty("acknowledge").GetString()!, time);
        var alert = (await scenario.AlertAsync()).Alert;
        Assert.Equal(("webhook:127.0.0.1", ActionLinkActions.Acknowledge, alert.Id), (acknowledge.Recipient, acknowledge.Action, acknowledge.Target));
        Assert.Equal(body.RootElement.GetProperty("data").GetProperty("alert").GetProperty("id").GetString(), alert.Id);
    }

    [Fact]
    public async Task Email_CarriesTheLinksInTextAndHtml_InsteadOfTheApiHint()
    {
        var time = new FakeTimeProvider(SystemBuilder.Epoch);
        var port = FreeTcpPort.Next();
        await using var smtp = await TestSmtpServer.StartAsync(port: port);
        await using var scenario = await OneSystemScenario.StartAsync(azurite, time, new Contact(Party.Customer, "mlops@acme.example", null), smtpPort: port, configure: LinksOn);

        await scenario.SweepAsync();

        var email = Assert.Single(smtp.Messages);
        var urls = System.Text.RegularExpressions.Regex.Matches(email.TextBody!, @"https://gapmonitor\.example/act/[A-Za-z0-9_.-]+").Select(m => m.Value).ToList();
        Assert.Equal(3, urls.Count);
        Assert.Equal(
            [ActionLinkActions.Acknowledge, ActionLinkActions.Snooze, ActionLinkActions.Status],
            urls.Select(u => Token(u, time)).Select(t => t.Action));
        Assert.All(urls, u => Assert.Contains($"href=\"{u}\"", email.HtmlBody, StringComparison.Ordinal));
        Assert.Equal("mlops@acme.example", Token(urls[0], time).Recipient);
        Assert.DoesNotContain("POST /api/alerts", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("POST /api/alerts", email.HtmlBody, StringComparison.Ordinal);
    }

    private void LinksOn(IServiceCollection services)
    {
        services.AddSingleton(_settings);
        services.AddSingleton<IPublicBaseUrl>(new ConfiguredPublicBaseUrl(PublicBaseUrl));
    }

    private ActionLinkToken Token(string url, TimeProvider time)
    {
        Assert.StartsWith(PublicBaseUrl + "act/", url, StringComparison.Ordinal);
        Assert.Equal(ActionLinkVerdict.Valid, new ActionLinkSigner(_settings).Verify(url[(url.LastIndexOf('/') + 1)..], time.GetUtcNow(), out var token));
        return token!;
    }
}
