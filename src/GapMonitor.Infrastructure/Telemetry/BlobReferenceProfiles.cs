using Azure;
using GapMonitor.Core.Drift.Profiles;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>Reference profiles by version; a version's blobs never change once written, so they are cached.</summary>
public sealed class BlobReferenceProfiles(TelemetryBlobs blobs) : IReferenceProfiles
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public async Task<DatasetProfile?> GetAsync(string systemId, string version, CancellationToken cancellationToken = default)
    {
        var name = ReferenceNames.Profile(systemId, version);
        if (_cache.TryGetValue(name, out var cached))
        {
            return ProfileJson.DeserializeDataset(cached);
        }

        try
        {
            var content = await blobs.References.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            var json = content.Value.Content.ToString();
            if (_cache.Count < 256)
            {
                _cache[name] = json;
            }

            return ProfileJson.DeserializeDataset(json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

internal static class ReferenceNames
{
    public static string Data(string systemId, string version) => $"{systemId}/{version}.data";

    public static string Profile(string systemId, string version) => $"{systemId}/{version}.profile.json";
}
