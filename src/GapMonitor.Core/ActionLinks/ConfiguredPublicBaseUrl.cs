using GapMonitor.Core.Ports;

namespace GapMonitor.Core.ActionLinks;

/// <summary>The public address as configured (<c>GapMonitor__PublicBaseUrl</c>); null when it is not.</summary>
public sealed class ConfiguredPublicBaseUrl(Uri? url) : IPublicBaseUrl
{
    public Uri? Get() => url;
}
