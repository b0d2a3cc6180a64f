namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>How far one blob has been consumed.</summary>
/// <param name="Name">Full blob name.</param>
/// <param name="ETag">The blob's ETag when it was last read.</param>
/// <param name="Length">The blob's length at that ETag.</param>
/// <param name="Offset">Bytes consumed: the end of the last complete line consumed (just after its newline).</param>
/// <param name="RowsTaken">Rows of the record at <paramref name="Offset"/> already returned (a record split by maxRows); usually 0.</param>
/// <param name="Exhausted">Every complete line at this ETag was consumed; only an incomplete last line may remain.</param>
/// <param name="BoundaryHash">Hash of the (up to 256) bytes just before <paramref name="Offset"/>; a mismatch means the blob was replaced.</param>
/// <param name="HeadHash">Hash of the blob's first 256 bytes once <paramref name="Offset"/> is past them (checked when the ETag changed).</param>
public sealed record InferenceLogBlobPosition(
    string Name,
    string ETag,
    long Length,
    long Offset,
    int RowsTaken,
    bool Exhausted,
    string? BoundaryHash,
    string? HeadHash);
