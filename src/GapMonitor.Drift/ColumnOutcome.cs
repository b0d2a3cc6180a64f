namespace GapMonitor.Drift;

/// <summary>Either a compared column or the reason it was skipped.</summary>
internal readonly record struct ColumnOutcome(ColumnDrift? Drift, SkippedColumn? Skipped)
{
    public static implicit operator ColumnOutcome(ColumnDrift drift) => new(drift, null);

    public static implicit operator ColumnOutcome(SkippedColumn skipped) => new(null, skipped);
}
