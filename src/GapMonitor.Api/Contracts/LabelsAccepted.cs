namespace GapMonitor.Api.Contracts;

/// <summary>What a label batch did; a batch id seen before answers its first counts with <c>duplicate: true</c>.</summary>
/// <param name="Received">Labels in the batch.</param>
/// <param name="Matched">Labels whose correlation id named a kept prediction.</param>
/// <param name="Unmatched">Labels that found none: unknown id, a window closed more than <c>labelWait</c> ago, or a row outside a large window's kept sample.</param>
/// <param name="WindowsUpdated">Closed drift windows whose performance was judged again.</param>
public sealed record LabelsAccepted(string BatchId, int Received, int Matched, int Unmatched, int WindowsUpdated, bool Duplicate);
