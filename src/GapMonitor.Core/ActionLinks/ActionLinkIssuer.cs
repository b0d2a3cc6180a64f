using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.ActionLinks;

/// <summary>
/// The links a notification carries, made at send time from the stored notification alone: every retry sends the
/// same links (same bytes, same signature) and no token is ever stored.
/// </summary>
public sealed class ActionLinkIssuer(ActionLinkSigner signer, IPublicBaseUrl publicBaseUrl, ILogger<ActionLinkIssuer> logger)
{
    public const string RoutePrefix = "act/";
    private int _warned;

    /// <returns>Null when links are off (no public address or no signing key).</returns>
    public ActionLinkUrls? For(Notification notification, NotificationEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(envelope);
        var baseUrl = publicBaseUrl.Get();
        if (baseUrl is null || !signer.IsEnabled)
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                logger.LogWarning(
                    "Notifications carry no action links: {Missing} is not configured",
                    baseUrl is null ? "GapMonitor:PublicBaseUrl" : "GapMonitor:ActionLinks:SigningKey (or GapMonitor:AdminApiKey)");
            }

            return null;
        }

        var recipient = RecipientOf(notification);
        if (recipient is null)
        {
            return null;
        }

        var alert = envelope.Data.Alert;
        var urls = new ActionLinkUrls();
        foreach (var action in ActionLinkSelection.For(notification.Type, alert, notification.Party))
        {
            var (target, kind) = action switch
            {
                ActionLinkActions.Acknowledge => (alert!.Id, null),
                ActionLinkActions.Snooze => (notification.SystemId, alert!.Kind),
                _ => (notification.SystemId, (string?)null),
            };
            var token = new ActionLinkToken(TokenId(notification.Id, action), recipient, notification.Party, action, notification.SystemId, target, kind, notification.CreatedAt + ActionLinkSettings.Lifetime);
            var url = Url(baseUrl, signer.Sign(token));
            urls = action switch
            {
                ActionLinkActions.Acknowledge => urls with { Acknowledge = url },
                ActionLinkActions.Snooze => urls with { Snooze = url },
                ActionLinkActions.ConfirmOwnership => urls with { ConfirmOwnership = url },
                _ => urls with { Status = url },
            };
        }

        return urls;
    }

    /// <summary>
    /// The message as sent: its envelope carrying the links (emails render them) and its body with <c>data.links</c>
    /// (webhooks send and sign that body). Unchanged when links are off or the stored body has no <c>data</c> object.
    /// </summary>
    public OutboundMessage Attach(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var links = For(message.Notification, message.Envelope);
        if (links is null)
        {
            return message;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(message.Notification.Body);
        }
        catch (JsonException)
        {
            return message;
        }

        if (body is not JsonObject root || root["data"] is not JsonObject data)
        {
            return message;
        }

        // Edits the stored JSON rather than re-serialising the envelope, so members this version does not know stay as they are.
        data["links"] = JsonSerializer.SerializeToNode(links, NotificationEnvelope.JsonOptions);
        return message with
        {
            Envelope = message.Envelope with { Data = message.Envelope.Data with { Links = links } },
            Body = root.ToJsonString(NotificationEnvelope.JsonOptions),
        };
    }

    /// <summary>Who the link was sent to: the email address, or <c>webhook:{host}</c>.</summary>
    public static string? RecipientOf(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Channel == NotificationChannel.Email)
        {
            return notification.Target;
        }

        return Uri.TryCreate(notification.Target, UriKind.Absolute, out var url) ? "webhook:" + url.Host : null;
    }

    /// <summary>One id per notification and action, fit for a storage key: the first 128 bits of a SHA-256, base64url.</summary>
    public static string TokenId(string notificationId, string action) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(notificationId + "\n" + action)).AsSpan(0, 16));

    private static string Url(Uri baseUrl, string token)
    {
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        return $"{root}/{RoutePrefix}{token}";
    }
}
