using System.Text.RegularExpressions;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Notifications;

namespace GapMonitor.Api.Contracts;

/// <summary>A notification as <c>GET …/deliveries</c> shows it: targets and errors without webhook URLs (they may carry tokens).</summary>
public static partial class DeliveryMapping
{
    public static DeliveryResponse ToDelivery(this Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var state = n.State switch
        {
            NotificationState.Delivered => "delivered",
            NotificationState.Failed => "given-up",
            _ when n.Attempts > 0 => "failed",
            _ => "pending",
        };
        return new DeliveryResponse(
            n.Id,
            n.Type,
            n.AlertId,
            n.Party.ToString().ToLowerInvariant(),
            n.Channel.ToString().ToLowerInvariant(),
            ContactNames.Of(n.Target),
            state,
            n.Attempts,
            n.LastError is null ? null : WithoutUrls(n.LastError, n.Target),
            n.DeliveredAt,
            n.CreatedAt,
            n.State == NotificationState.Pending ? n.NextAttemptAt : null);
    }

    /// <summary>Every http(s) URL in <paramref name="error"/> (the target's, a redirect's) shown as its scheme and host only.</summary>
    public static string WithoutUrls(string error, string target)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(target);
        var text = target.Length > 0 && Uri.TryCreate(target, UriKind.Absolute, out var url)
            ? error.Replace(target, $"{url.Scheme}://{url.Host}", StringComparison.OrdinalIgnoreCase)
            : error;
        return Url().Replace(text, m => Uri.TryCreate(m.Value, UriKind.Absolute, out var found) ? $"{found.Scheme}://{found.Host}" : "(a URL)");
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
