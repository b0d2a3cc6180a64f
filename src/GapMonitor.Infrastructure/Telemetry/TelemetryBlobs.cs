using Azure.Storage.Blobs;
using GapMonitor.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Blob containers of telemetry: <c>telemetry</c> holds each system's state document (<c>{systemId}/state.json</c>),
/// <c>references</c> the uploaded reference datasets and their profiles (<c>{systemId}/{version}.data</c>, <c>.profile.bin</c>; <c>.profile.json</c> before that),
/// <c>driftreports</c> the details of closed drift windows too large for their table row, <c>pushedtelemetry</c> the
/// pushed batches and their batch-id markers (a container of their own, so no system id can reach another layout's names).
/// </summary>
public sealed class TelemetryBlobs
{
    public TelemetryBlobs(BlobServiceClient service, IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var prefix = options.Value.TablePrefix.ToLowerInvariant();
        State = service.GetBlobContainerClient(prefix + "telemetry");
        References = service.GetBlobContainerClient(prefix + "references");
        DriftReports = service.GetBlobContainerClient(prefix + "driftreports");
        Pushed = service.GetBlobContainerClient(prefix + "pushedtelemetry");
    }

    internal BlobContainerClient State { get; }

    internal BlobContainerClient References { get; }

    internal BlobContainerClient DriftReports { get; }

    internal BlobContainerClient Pushed { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await State.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await References.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await DriftReports.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Pushed.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}
