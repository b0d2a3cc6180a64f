using GapMonitor.Core.Telemetry;
namespace GapMonitor.Core.Ports;

/// <summary>Stores an uploaded reference dataset under a new version and profiles it.</summary>
public interface IReferenceUploader
{
    /// <summary>Completes only when the dataset is stored and profiled, so a failed upload never replaces the previous reference.</summary>
    /// <param name="contentType"><see cref="ReferenceFormats.Csv"/> or <see cref="ReferenceFormats.Ndjson"/>.</param>
    /// <exception cref="ReferenceFormatException">The content does not read as <paramref name="contentType"/> or breaks a limit.</exception>
    Task<ReferenceUpload> UploadAsync(string systemId, string version, string contentType, Stream content, CancellationToken cancellationToken = default);
}
