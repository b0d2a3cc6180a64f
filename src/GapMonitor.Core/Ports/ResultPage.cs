namespace GapMonitor.Core.Ports;

/// <summary>
/// A page of a list and the position after its last item. <see cref="Continuation"/> is null only when nothing is
/// left; a page may hold fewer items than asked (rows left out by a filter) and still have a continuation.
/// </summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, string? Continuation);
