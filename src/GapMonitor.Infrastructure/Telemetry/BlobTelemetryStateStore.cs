using Azure;
using Azure.Storage.Blobs.Models;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>One JSON blob per system, replaced with If-Match (or If-None-Match: * when new).</summary>
public sealed class BlobTelemetryStateStore(TelemetryBlobs blobs) : ITelemetryStateStore
{
    public async Task<(TelemetryState? State, string? ETag)> GetAsync(string systemId, CancellationToken cancellationToken = default)
    {
        var blob = blobs.State.GetBlobClient($"{systemId}/state.json");
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return (TelemetryStateJson.Deserialize(content.Value.Content), content.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (null, null);
        }
    }

    public async Task SaveAsync(string systemId, TelemetryState state, string? etag, CancellationToken cancellationToken = default)
    {
        var blob = blobs.State.GetBlobClient($"{systemId}/state.json");
        var conditions = etag is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(etag) };
        try
        {
            await blob.UploadAsync(new BinaryData(TelemetryStateJson.Serialize(state)), new BlobUploadOptions { Conditions = conditions }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException($"Telemetry state of {systemId} changed concurrently.", ex);
        }
    }
}
