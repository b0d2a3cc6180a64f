namespace GapMonitor.Core.Silences;

/// <summary>
/// What the rules need of a current or future silence, kept on the system row so a sweep sees it without another read.
/// </summary>
public sealed record SilenceWindow(string Id, IReadOnlyList<string> Kinds, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool IsActiveAt(DateTimeOffset now) => StartsAt <= now && now < EndsAt;

    public bool Covers(string kind, DateTimeOffset now) => IsActiveAt(now) && Kinds.Contains(kind, StringComparer.Ordinal);
}
