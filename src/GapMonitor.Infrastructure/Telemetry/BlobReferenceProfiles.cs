using Azure;
using Azure.Storage.Blobs.Models;
using GapMonitor.Core.Ports;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Reference profiles by version, stored in <see cref="ProfileBinary"/> form (numbers as raw bytes: no text to parse on
/// every pull). A reference uploaded before that form has only its JSON profile: it is read and its binary form written
/// beside it (the JSON stays, for readers that found the binary one missing a moment ago). A version never changes once
/// written, so the few most recently used are kept deserialised (read-only: drift is computed from them, never merged
/// into them).
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

        DatasetProfile? profile;
        try
        {
            var content = await blobs.References.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            profile = ProfileBinary.Deserialize(content.Value.Content.ToArray());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            profile = await ConvertJsonAsync(systemId, version, cancellationToken);
        }

        if (profile is not null)
        {
            lock (_gate)
            {
                _recent.AddFirst((name, profile));
                if (_recent.Count > CachedProfiles)
                {
                    _recent.RemoveLast();
                }
            }
        }

        return profile;
    }

    /// <summary>The JSON profile of an older reference (null when there is none), its binary form written for the next read.</summary>
    private async Task<DatasetProfile?> ConvertJsonAsync(string systemId, string version, CancellationToken cancellationToken)
    {
        DatasetProfile profile;
        try
        {
            var content = await blobs.References.GetBlobClient(ReferenceNames.JsonProfile(systemId, version)).DownloadContentAsync(cancellationToken);
            profile = ProfileJson.DeserializeDataset(content.Value.Content.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        try
        {
            await blobs.References.GetBlobClient(ReferenceNames.Profile(systemId, version)).UploadAsync(
                new BinaryData(ProfileBinary.Serialize(profile)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Best effort: another reader or an upload wrote it first (409/412), or the write failed and the next read tries again.
        }

        return profile;
    }
}
