using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using GapMonitor.Core.Telemetry.Sources;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// Uses the SAS in the container URI as is when there is one, and then never the service's credential; otherwise the
/// service's own <see cref="TokenCredential"/> (its managed identity needs "Storage Blob Data Reader" on the container),
/// which the puller only does for containers on the customer's admin-kept list. Every client connects through
/// <paramref name="transport"/> (<see cref="GuardedTransport"/> in the app).
/// </summary>
public sealed class BlobContainerClientFactory(TokenCredential credential, HttpPipelineTransport transport, Action<BlobClientOptions>? configure = null)
    : IBlobContainerClientFactory
{
    public BlobContainerClient Create(InferenceLogSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var options = new BlobClientOptions { Transport = transport };
        configure?.Invoke(options);
        return ContainerAddress.HasSas(source.ContainerUri)
            ? new BlobContainerClient(source.ContainerUri, options)
            : new BlobContainerClient(source.ContainerUri, credential, options);
    }
}
