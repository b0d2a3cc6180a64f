using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace GapMonitor.Testing;

/// <summary>
/// Read/list SAS URIs for test containers. Azurite checks a SAS expiry against the real clock, so the
/// expiry must never come from a test's fake clock: a fake date in the past of the real one turns the
/// test into a time bomb. This is the one place tests may sign a SAS (the direct call is banned in tests).
/// </summary>
public static class RealClockSas
{
    public static Uri ReadAndList(BlobContainerClient container)
    {
#pragma warning disable RS0030 // the one sanctioned call site; the expiry is taken from the wall clock on purpose
        return container.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddHours(2));
#pragma warning restore RS0030
    }
}
