using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Fits a reference version's performance (metrics, chunk thresholds, calibration) from its stored rows, once: the fit is
/// kept as a blob next to the reference (<c>{systemId}/{version}.performance-{hash}.json</c>, the hash of the settings
/// the fit depends on), and the few most recently used in memory. A reference without the prediction or target column,
/// or whose rows the engine refuses, is remembered as such (the blob holds <c>null</c>): windows are then judged
/// against given thresholds only, with a note.
/// </summary>
public sealed class BlobPerformanceReferences(TelemetryBlobs blobs) : IPerformanceReferences
{
    private const int CachedReferences = 8;
    private const string None = "null";
    private static readonly JsonSerializerOptions HashOptions = new(JsonSerializerDefaults.Web);
    private readonly LinkedList<(string Name, PerformanceReference? Reference)> _recent = new();
    private readonly Lock _gate = new();
    private long _fits;

    /// <summary>Fits run (not cached reads); tests see a cache hit through it.</summary>
    public long Fits => Interlocked.Read(ref _fits);

    public async Task<PerformanceReference?> GetAsync(string systemId, string referenceVersion, PerformanceSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = NameOf(systemId, referenceVersion, settings);
        lock (_gate)
        {
            foreach (var entry in _recent)
            {
                if (entry.Name == name)
                {
                    return entry.Reference;
                }
            }
        }

        var cached = blobs.References.GetBlobClient(name);
        PerformanceReference? reference;
        try
        {
            var content = (await cached.DownloadContentAsync(cancellationToken)).Value.Content.ToString();
            reference = content == None ? null : PerformanceReferenceJson.Deserialize(content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            var fitted = await FitAsync(systemId, referenceVersion, settings, cancellationToken);
            if (!fitted.Found)
            {
                return null;
            }

            reference = fitted.Reference;
            await cached.UploadAsync(BinaryData.FromString(reference is null ? None : PerformanceReferenceJson.Serialize(reference)), overwrite: true, cancellationToken);
        }

        lock (_gate)
        {
            _recent.AddFirst((name, reference));
            if (_recent.Count > CachedReferences)
            {
                _recent.RemoveLast();
            }
        }

        return reference;
    }

    /// <summary>The settings a fit depends on (task and columns, chunk size, given thresholds), hashed into the blob name.</summary>
    internal static string NameOf(string systemId, string referenceVersion, PerformanceSettings settings)
    {
        var key = JsonSerializer.Serialize(
            new
            {
                settings.Task,
                settings.Prediction,
                settings.Probability,
                settings.ProbabilityPrefix,
                settings.Target,
                settings.ChunkRows,
                Thresholds = settings.Thresholds.OrderBy(t => t.Metric, StringComparer.Ordinal).Select(t => new { t.Metric, t.Lower, t.Upper }),
            },
            HashOptions);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return $"{systemId}/{referenceVersion}.performance-{hash}.json";
    }

    private async Task<(bool Found, PerformanceReference? Reference)> FitAsync(string systemId, string referenceVersion, PerformanceSettings settings, CancellationToken cancellationToken)
    {
        var data = blobs.References.GetBlobClient(ReferenceNames.Data(systemId, referenceVersion));
        WindowPredictions rows;
        try
        {
            var properties = await data.GetPropertiesAsync(cancellationToken: cancellationToken);
            await using var content = await data.OpenReadAsync(cancellationToken: cancellationToken);
            rows = await ReferencePredictionReader.ReadAsync(content, properties.Value.ContentType, new PredictionExtraction(systemId, settings), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (false, null);
        }

        Interlocked.Increment(ref _fits);
        var labeled = new WindowPredictions { ProbabilityClasses = rows.ProbabilityClasses, Kept = [.. rows.Kept.Where(r => r.Target is not null)] };
        if (labeled.Kept.Count == 0)
        {
            return (true, null);
        }

        labeled.Rows = labeled.Kept.Count;
        try
        {
            var sample = WindowPerformanceEvaluation.ToSample(settings.Task, labeled.ProbabilityClasses, labeled);
            return (true, PerformanceCalculator.Fit(sample, settings.ToOptions()));
        }
        catch (ArgumentException)
        {
            // Rows the engine refuses (e.g. one multiclass probability column): fitting again cannot help, so none is remembered.
            return (true, null);
        }
    }
}
