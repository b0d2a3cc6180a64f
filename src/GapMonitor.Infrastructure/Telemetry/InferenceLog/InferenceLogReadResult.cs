namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>What one <c>InferenceLogReader.ReadNewAsync</c> call consumed.</summary>
/// <param name="Rows">At most maxRows rows, column by column.</param>
/// <param name="Checkpoint">Store it; pass it to the next call. It covers exactly what is in <paramref name="Rows"/> and the counts.</param>
/// <param name="Records">Records started in this call (a record split by maxRows counts in the call that returned its first row).</param>
/// <param name="MalformedLines">Lines skipped: not JSON, not an object, no <c>data</c> array of objects, too long, or timed too far ahead.</param>
/// <param name="ReplacedBlobs">Blobs that shrank or whose bytes before the stored offset changed; they were read again from the start.</param>
/// <param name="ModelVersions">Per <c>modelversion</c> (records without one under ""): records and rows.</param>
/// <param name="FirstRecordTime">Earliest record <c>time</c> seen; null when none had one.</param>
/// <param name="LastRecordTime">Latest record <c>time</c> seen.</param>
/// <param name="BlobsRead">Blobs downloaded from (in order).</param>
/// <param name="HasMore">True when the call stopped at maxRows: call again to continue.</param>
public sealed record InferenceLogReadResult(
    InferenceRowBatch Rows,
    InferenceLogCheckpoint Checkpoint,
    long Records,
    long MalformedLines,
    long ReplacedBlobs,
    IReadOnlyDictionary<string, InferenceModelVersionStats> ModelVersions,
    DateTimeOffset? FirstRecordTime,
    DateTimeOffset? LastRecordTime,
    IReadOnlyList<string> BlobsRead,
    bool HasMore)
{
    public int RowCount => Rows.Count;
}
