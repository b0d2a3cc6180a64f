namespace GapMonitor.Core.Performance;

/// <summary>What a label batch did; a repeated batch answers the counts of its first application with <see cref="Duplicate"/> set.</summary>
/// <param name="Received">Labels in the batch.</param>
/// <param name="Matched">Labels whose correlation id named at least one kept prediction.</param>
/// <param name="Unmatched">Labels that found none (no such id, a window past <c>labelWait</c>, or a row outside a large window's kept sample).</param>
/// <param name="WindowsUpdated">Closed windows whose performance was judged again.</param>
public sealed record LabelOutcome(string BatchId, int Received, int Matched, int Unmatched, int WindowsUpdated, bool Duplicate);
