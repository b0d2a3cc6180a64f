using Azure.Core;
using Azure.Storage.Blobs;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// Uses the SAS in the container URI as is when there is one; otherwise the service's own <see cref="TokenCredential"/>
/// (its managed identity needs "Storage Blob Data Reader" on the container).
/// </summary>
public sealed class BlobContainerClientFactory(TokenCredential credential) : IBlobContainerClientFactory
{
    public BlobContainerClient Create(InferenceLogSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.HasSas
            ? new BlobContainerClient(source.ContainerUri)
            : new BlobContainerClient(source.ContainerUri, credential);
    }
}
