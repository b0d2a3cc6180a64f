using System.Net;
using System.Net.Sockets;

namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>
/// Where the service may connect when a tenant picks the host (webhooks, telemetry sources). Refused: loopback,
/// private, carrier-grade NAT, link-local (cloud metadata endpoints live there), IETF-reserved, benchmarking,
/// unique-local, unspecified, multicast and broadcast addresses, Azure's WireServer, IPv6 forms that embed such
/// an IPv4 address (mapped, compatible, NAT64), and IPv6 tunnel and local NAT64 prefixes whose IPv4 target cannot
/// be checked (6to4, Teredo, 64:ff9b:1::/48) — and any port but 443 on public networks.
/// </summary>
public static class OutboundAddressPolicy
{
    /// <summary>The only port reachable when private networks are refused: HTTPS.</summary>
    public const int PublicPort = 443;

    private static readonly (IPNetwork Network, string Kind)[] Refused =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "this-network"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("168.63.129.16/32"), "Azure WireServer"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("255.255.255.255/32"), "broadcast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("::/96"), "IPv4-compatible"),
        (IPNetwork.Parse("::ffff:0:0:0/96"), "IPv4-translated"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "local-use NAT64"),
        (IPNetwork.Parse("2001::/32"), "Teredo"),
        (IPNetwork.Parse("2002::/16"), "6to4"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("fc00::/7"), "unique-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    // NAT64 (RFC 6052) translates 64:ff9b::a.b.c.d to the IPv4 address a.b.c.d.
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>Why <paramref name="address"/> is refused (e.g. "loopback"), or null when it may be reached.</summary>
    public static string? RefusalReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var effective = EmbeddedIPv4(address) ?? address;
        foreach (var (network, kind) in Refused)
        {
            if (network.Contains(effective))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>
    /// Why <paramref name="port"/> is refused, or null. On public networks only 443 is allowed: a tenant-chosen
    /// host must not make the service speak HTTP to SMTP, Redis, SSH or a management port on the Internet, and
    /// signed webhook bodies must not cross the Internet in clear. With private networks allowed (local demos and
    /// tests, where receivers listen on ephemeral ports) every port is allowed.
    /// </summary>
    public static string? PortRefusalReason(int port, bool allowPrivateNetworks) =>
        allowPrivateNetworks || port == PublicPort ? null : $"port {port} is not allowed (only {PublicPort}, HTTPS)";

    /// <summary>Why <paramref name="endPoint"/> is refused (its port or its address), or null when it may be reached.</summary>
    public static string? RefusalReason(IPEndPoint endPoint, bool allowPrivateNetworks)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return PortRefusalReason(endPoint.Port, allowPrivateNetworks)
            ?? (allowPrivateNetworks ? null : RefusalReason(endPoint.Address));
    }

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return Nat64.Contains(address) ? new IPAddress(address.GetAddressBytes()[12..]) : null;
    }
}
