namespace GapMonitor.Core.Notifications;

/// <summary>The silence a <c>silence.created</c> notice is about (webhook <c>data.silence</c>).</summary>
public sealed record SilenceSnapshot(
    string Id,
    IReadOnlyList<string> Kinds,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Reason,
    string By,
    string CreatedBy);
