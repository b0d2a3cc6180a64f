namespace GapMonitor.Core.ActionLinks;

/// <param name="SigningKey">See <see cref="ActionLinkSigningKey"/>; null turns links off.</param>
public sealed record ActionLinkSettings(byte[]? SigningKey)
{
    /// <summary>How long a link works after the notification that carries it was created.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>How long a snooze link silences the system and kind.</summary>
    public static readonly TimeSpan SnoozeFor = TimeSpan.FromHours(24);
}
