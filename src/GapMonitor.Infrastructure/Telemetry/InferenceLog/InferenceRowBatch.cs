namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// Rows read in one call, column by column: every column has exactly <see cref="Count"/> values, with
/// <see cref="InferenceValue.Missing"/> where a row lacks the feature. Row i of every column belongs to <c>Times[i]</c>.
/// </summary>
/// <param name="Times">Per row: the record's <c>time</c>, or the start of its hour folder when the record has none.</param>
/// <param name="Columns">Feature name → values.</param>
/// <param name="CorrelationIds">
/// Per row: the record's <c>correlationid</c> (null when it has none); in a record of several rows, row i (from 0) gets
/// <c>{correlationid}_{i}</c>, so each row can be labeled on its own.
/// </param>
public sealed record InferenceRowBatch(
    int Count,
    IReadOnlyList<DateTimeOffset> Times,
    IReadOnlyDictionary<string, IReadOnlyList<InferenceValue>> Columns,
    IReadOnlyList<string?> CorrelationIds)
{
    public static readonly InferenceRowBatch Empty = new(0, [], new Dictionary<string, IReadOnlyList<InferenceValue>>(), []);

    /// <summary>Per row: its record's <c>modelversion</c> (null when it has none); empty when not collected.</summary>
    public IReadOnlyList<string?> ModelVersions { get; init; } = [];
}
