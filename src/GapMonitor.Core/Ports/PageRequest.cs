namespace GapMonitor.Core.Ports;

/// <summary>
/// One page of a list: at most <see cref="Limit"/> items after the position <see cref="Continuation"/> names (null: from
/// the start). A continuation names a position only, never a scope: the store applies the caller's filters again on
/// every page, so a continuation someone made up can at most skip items the caller could see anyway.
/// </summary>
public sealed record PageRequest(int Limit, string? Continuation = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static PageRequest First(int limit = DefaultLimit) => new(limit);
}
