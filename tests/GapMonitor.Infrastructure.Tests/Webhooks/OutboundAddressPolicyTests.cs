using System.Net;
using GapMonitor.Infrastructure.Webhooks;

namespace GapMonitor.Infrastructure.Tests.Webhooks;

public sealed class OutboundAddressPolicyTests
{
    [Theory]
    [InlineData("0.0.0.0", "this-network")]
    [InlineData("0.1.2.3", "this-network")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.254", "carrier-grade NAT")]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.10", "private")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("::7f00:1", "IPv4-compatible")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fe80::1%2", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fd12:3456:789a::1", "unique-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:100.64.0.1", "carrier-grade NAT")]
    [InlineData("::ffff:0.0.0.0", "this-network")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("192.0.0.1", "IETF protocol assignments")]
    [InlineData("192.0.0.170", "IETF protocol assignments")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("198.19.255.254", "benchmarking")]
    [InlineData("168.63.129.16", "Azure WireServer")]
    [InlineData("::ffff:192.0.0.8", "IETF protocol assignments")]
    [InlineData("::ffff:198.18.4.4", "benchmarking")]
    [InlineData("::ffff:168.63.129.16", "Azure WireServer")]
    [InlineData("64:ff9b::a83f:8110", "Azure WireServer")]
    [InlineData("64:ff9b::c612:1", "benchmarking")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("64:ff9b:1::1", "local-use NAT64")]
    [InlineData("64:ff9b:1:ffff::808:808", "local-use NAT64")]
    [InlineData("2002:7f00:1::1", "6to4")]
    [InlineData("2002:808:808::1", "6to4")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo")]
    [InlineData("::ffff:0:7f00:1", "IPv4-translated")]
    public void RefusalReason_ForSpecialAddresses_NamesTheNetwork(string address, string expected)
    {
        Assert.Equal(expected, OutboundAddressPolicy.RefusalReason(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.167.255.255")]
    [InlineData("169.255.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("192.0.1.1")]
    [InlineData("191.255.255.255")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("168.63.129.15")]
    [InlineData("168.63.129.17")]
    [InlineData("2003::1")]
    [InlineData("64:ff9b:2::1")]
    public void RefusalReason_ForPublicAddresses_IsNull(string address)
    {
        Assert.Null(OutboundAddressPolicy.RefusalReason(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData(443, false)]
    [InlineData(443, true)]
    [InlineData(80, true)]
    [InlineData(8080, true)]
    [InlineData(61000, true)]
    public void PortRefusalReason_ForAllowedPorts_IsNull(int port, bool allowPrivateNetworks)
    {
        Assert.Null(OutboundAddressPolicy.PortRefusalReason(port, allowPrivateNetworks));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(22)]
    [InlineData(25)]
    [InlineData(6379)]
    [InlineData(8080)]
    [InlineData(10250)]
    public void PortRefusalReason_ForOtherPortsOnPublicNetworks_NamesTheRule(int port)
    {
        var reason = OutboundAddressPolicy.PortRefusalReason(port, allowPrivateNetworks: false);

        Assert.NotNull(reason);
        Assert.Contains($"port {port}", reason, StringComparison.Ordinal);
        Assert.Contains("443", reason, StringComparison.Ordinal);
    }
}
