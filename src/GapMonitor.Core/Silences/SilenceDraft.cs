namespace GapMonitor.Core.Silences;

/// <summary>A silence as asked for: <paramref name="Kinds"/> null means every alert kind, <paramref name="StartsAt"/> null means now.</summary>
public sealed record SilenceDraft(
    string SystemId,
    IReadOnlyList<string>? Kinds,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Reason,
    string? By = null);
