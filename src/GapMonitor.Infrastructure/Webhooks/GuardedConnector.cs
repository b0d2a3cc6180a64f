using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;

namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>
/// The connect step of outbound calls to hosts a tenant picks (webhooks; reuse it for telemetry reads). It checks
/// the port and resolves the host itself, checking each resolved address against <see cref="OutboundAddressPolicy"/>
/// right before connecting to it, so a DNS answer that changes after any URL check (DNS rebinding) cannot reach
/// an internal service. Refusals throw <see cref="WebhookAddressRefusedException"/> (inside an HttpRequestException).
/// </summary>
public sealed class GuardedConnector(bool allowPrivateNetworks)
{
    /// <summary>A handler that connects only through this check and never follows redirects or proxies.</summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivateNetworks) => new()
    {
        // A redirect could point anywhere; receivers must be configured with their final URL.
        AllowAutoRedirect = false,
        // Through a proxy the callback would check the proxy's address instead of the receiver's.
        UseProxy = false,
        ConnectCallback = new GuardedConnector(allowPrivateNetworks).ConnectAsync,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);

        var refused = new List<string>();
        Exception? lastError = null;
        foreach (var address in addresses)
        {
            if (!allowPrivateNetworks && OutboundAddressPolicy.RefusalReason(address) is { } reason)
            {
                refused.Add($"{address} is {reason}");
                continue;
            }

            // Checked after the addresses, so a private target is reported as such whatever its port.
            if (OutboundAddressPolicy.PortRefusalReason(context.DnsEndPoint.Port, allowPrivateNetworks) is { } portRefused)
            {
                throw WebhookAddressRefusedException.ForPort(host, portRefused);
            }

            var target = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (lastError is not null)
        {
            ExceptionDispatchInfo.Throw(lastError);
        }

        if (refused.Count == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        throw new WebhookAddressRefusedException(host, refused);
    }
}
