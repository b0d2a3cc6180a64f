using GapMonitor.Core.Ports;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GapMonitor.Cli.Serve;

/// <summary>
/// The standalone host's public address: <c>GapMonitor__PublicBaseUrl</c> when set, otherwise the first address it
/// listens on (read once it listens, so <c>--urls http://127.0.0.1:0</c> gives the real port; a wildcard host is
/// named <c>localhost</c>).
/// </summary>
public sealed class ListeningPublicBaseUrl(Uri? configured, IServer server) : IPublicBaseUrl
{
    private Uri? _listening;

    public Uri? Get() => configured ?? (_listening ??= Listening());

    private Uri? Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var builder = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        // Port 0 means "not bound yet": ask again later rather than remember an address nobody listens on.
        return builder.Port == 0 ? null : builder.Uri;
    }
}
