using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GapMonitor.Core.ActionLinks;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GapMonitor.Core.Tests.ActionLinks;

public sealed class ActionLinkIssuerTests
{
    private static readonly Uri BaseUrl = new("https://gapmonitor.example/");
    private readonly ActionLinkSigner _signer = new(new ActionLinkSettings(RandomNumberGenerator.GetBytes(32)));

    private ActionLinkIssuer Issuer(Uri? baseUrl = null) => new(_signer, new ConfiguredPublicBaseUrl(baseUrl ?? BaseUrl), NullLogger<ActionLinkIssuer>.Instance);

    [Fact]
    public void Attach_ToAWebhook_AddsDataLinksBoundToTheWebhookHost_AndLeavesTheRestOfTheBodyAsStored()
    {
        var message = TestMessages.Webhook(new Uri("https://hooks.acme.example/gap?token=x"), "whsec_c2VjcmV0");

        var sent = Issuer().Attach(message);

        var body = JsonNode.Parse(sent.Body)!.AsObject();
        var links = body["data"]!["links"]!.AsObject();
        Assert.Equal(["acknowledge", "snooze", "status"], links.Select(l => l.Key));
        Assert.All(links, l => Assert.StartsWith("https://gapmonitor.example/act/", l.Value!.GetValue<string>(), StringComparison.Ordinal));
        body["data"]!.AsObject().Remove("links");
        Assert.Equal(message.Notification.Body, body.ToJsonString(NotificationEnvelope.JsonOptions));
        Assert.Equal(links["acknowledge"]!.GetValue<string>(), sent.Envelope.Data.Links!.Acknowledge);

        var token = Verify(sent.Envelope.Data.Links!.Acknowledge!);
        Assert.Equal(("webhook:hooks.acme.example", Party.Customer, "acknowledge", "acme-churn", TestMessages.AlertId, null), (token.Recipient, token.Party, token.Action, token.SystemId, token.Target, token.Kind));
        Assert.Equal(message.Notification.CreatedAt + TimeSpan.FromDays(7), token.ExpiresAt);
        var snooze = Verify(sent.Envelope.Data.Links.Snooze!);
        Assert.Equal(("snooze", "acme-churn", "monitoring-silent"), (snooze.Action, snooze.Target, snooze.Kind));
        Assert.NotEqual(token.Id, snooze.Id);
    }

    [Fact]
    public void Attach_ToTheSameNotificationAgain_GivesTheSameBytes()
    {
        var message = TestMessages.Webhook(new Uri("https://hooks.acme.example/gap"), "whsec_c2VjcmV0");

        Assert.Equal(Issuer().Attach(message).Body, Issuer().Attach(message).Body);
        Assert.NotEqual(
            Issuer().Attach(message).Body,
            Issuer().Attach(TestMessages.Webhook(new Uri("https://hooks.acme.example/gap"), "whsec_c2VjcmV0", id: "0193c2a5f1d27e4b9c0a1b2c3d4e5f99")).Body);
    }

    [Fact]
    public void Attach_ToAnEmail_BindsTheLinksToTheAddress()
    {
        var sent = Issuer(new Uri("http://127.0.0.1:7071/base")).Attach(TestMessages.Email("mlops@acme.example"));

        Assert.StartsWith("http://127.0.0.1:7071/base/act/", sent.Envelope.Data.Links!.Status, StringComparison.Ordinal);
        Assert.Equal("mlops@acme.example", Verify(sent.Envelope.Data.Links.Status!).Recipient);
    }

    [Fact]
    public void Attach_WithoutAPublicAddressOrAKey_ChangesNothing()
    {
        var message = TestMessages.Email("mlops@acme.example");
        var withoutAddress = new ActionLinkIssuer(_signer, new ConfiguredPublicBaseUrl(null), NullLogger<ActionLinkIssuer>.Instance);
        var withoutKey = new ActionLinkIssuer(new ActionLinkSigner(new ActionLinkSettings(null)), new ConfiguredPublicBaseUrl(BaseUrl), NullLogger<ActionLinkIssuer>.Instance);

        Assert.Same(message, withoutAddress.Attach(message));
        Assert.Same(message, withoutKey.Attach(message));
    }

    private ActionLinkToken Verify(string url)
    {
        Assert.Equal(ActionLinkVerdict.Valid, _signer.Verify(url[(url.LastIndexOf('/') + 1)..], TestMessages.OpenedAt, out var token));
        return token!;
    }
}
