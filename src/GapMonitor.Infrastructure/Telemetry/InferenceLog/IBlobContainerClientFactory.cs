using Azure.Storage.Blobs;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>Creates the client that reads an inference-log source's container.</summary>
public interface IBlobContainerClientFactory
{
    BlobContainerClient Create(InferenceLogSource source);
}
