using Azure;
using GapMonitor.Core.Ports;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Reference profiles by version. A version never changes once written, so the few most recently used are kept
/// deserialised (read-only: drift is computed from them, never merged into them).
/// </summary>
public sealed class BlobReferenceProfiles(TelemetryBlobs blobs) : IReferenceProfiles
{
    private const int CachedProfiles = 8;
    private readonly LinkedList<(string Name, DatasetProfile Profile)> _recent = new();
    private readonly Lock _gate = new();

    public async Task<DatasetProfile?> GetAsync(string systemId, string version, CancellationToken cancellationToken = default)
    {
        var name = ReferenceNames.Profile(systemId, version);
        lock (_gate)
        {
            var hit = _recent.FirstOrDefault(e => e.Name == name);
            if (hit.Profile is not null)
            {
                return hit.Profile;
            }
        }

        try
        {
            var content = await blobs.References.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            var profile = ProfileJson.DeserializeDataset(content.Value.Content.ToString());
            lock (_gate)
            {
                _recent.AddFirst((name, profile));
                if (_recent.Count > CachedProfiles)
                {
                    _recent.RemoveLast();
                }
            }

            return profile;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
