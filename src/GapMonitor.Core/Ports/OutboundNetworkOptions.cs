namespace GapMonitor.Core.Ports;

/// <summary>
/// Whether outbound calls to tenant-chosen URLs (webhooks, telemetry sources) may reach private networks, plain http
/// and any port. Only for local use (Azurite, tests, the demo); in production they go to public https on port 443.
/// </summary>
public sealed record OutboundNetworkOptions(bool AllowPrivateNetworks);
