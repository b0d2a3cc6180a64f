using Azure.Storage.Blobs;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

/// <summary>Hands the reader a client built from the Azurite connection string.</summary>
internal sealed class FixedContainerFactory(BlobContainerClient container) : IBlobContainerClientFactory
{
    public BlobContainerClient Create(InferenceLogSource source) => container;
}
