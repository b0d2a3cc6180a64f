namespace GapMonitor.Core.Systems;

/// <summary>
/// Which webhook URLs can ever be delivered to: the delivery guard refuses anything but https on port 443 on public
/// networks, so such a URL is refused when it is registered rather than failing every delivery later.
/// </summary>
public static class WebhookUrlRule
{
    public static string? RefusalReason(Uri url, bool allowPrivateNetworks)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (allowPrivateNetworks)
        {
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return "Webhooks are delivered over https only.";
        }

        return url.Port == 443 ? null : "Webhooks are delivered to port 443 only.";
    }
}
