using System.Net;
using System.Net.Sockets;

namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>
/// Which resolved addresses an outbound webhook may connect to: not loopback, private, carrier-grade NAT,
/// link-local (cloud metadata endpoints live there), unique-local, unspecified, multicast or broadcast
/// addresses — nor IPv6 forms that embed such an IPv4 address.
/// </summary>
public static class OutboundAddressPolicy
{
    private static readonly (IPNetwork Network, string Kind)[] Refused =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "this-network"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("255.255.255.255/32"), "broadcast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("::/96"), "IPv4-compatible"),
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
