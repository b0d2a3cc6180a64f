using Azure.Core.Pipeline;
using GapMonitor.Infrastructure.Webhooks;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// The HTTP transport of every telemetry read (data-collector blobs, Log Analytics): connects only through the same
/// outbound-address guard as webhooks, so a tenant's URL cannot reach the metadata endpoint or a private network.
/// </summary>
public static class GuardedTransport
{
    public static HttpClientTransport Create(bool allowPrivateNetworks) =>
        // The Azure SDK applies its own per-try network timeout; HttpClient's 100 s default would cut long downloads.
        new(new HttpClient(GuardedConnector.CreateHandler(allowPrivateNetworks)) { Timeout = Timeout.InfiniteTimeSpan });
}
