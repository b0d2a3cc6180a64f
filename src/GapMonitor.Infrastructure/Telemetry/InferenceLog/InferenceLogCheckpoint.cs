namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// Where reading a source stopped; serialisable with System.Text.Json. See README.md for the semantics.
/// </summary>
public sealed record InferenceLogCheckpoint
{
    /// <summary>
    /// The oldest hour folder (<c>yyyy/MM/dd/HH</c>) still listed on every pull. Folders before it are closed: fully read
    /// and never listed again. Null before anything was found.
    /// </summary>
    public string? OpenFrom { get; init; }

    /// <summary>Positions of the blobs read so far in the open hour folders.</summary>
    public IReadOnlyList<InferenceLogBlobPosition> Blobs { get; init; } = [];
}
