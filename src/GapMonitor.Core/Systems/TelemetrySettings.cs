namespace GapMonitor.Core.Systems;

/// <summary>Where a system's telemetry lives and how drift is windowed (the <c>telemetry</c> part of the system body).</summary>
public sealed record TelemetrySettings
{
    /// <summary>The drift window of a system that does not set one (or has no telemetry settings at all).</summary>
    public static readonly TimeSpan DefaultDriftWindow = TimeSpan.FromDays(1);

    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromDays(1);

    public const int DefaultCleanWindowsToResolve = 2;

    public InferenceLogSettings? InferenceLog { get; init; }

    public LogAnalyticsSettings? LogAnalytics { get; init; }

    /// <summary>Length of a drift window; a window closes when it has passed.</summary>
    public TimeSpan DriftWindow { get; init; } = DefaultDriftWindow;

    /// <summary>A configured source that returns nothing for longer than this raises <c>telemetry-stale</c>.</summary>
    public TimeSpan StaleAfter { get; init; } = DefaultStaleAfter;

    /// <summary>How many consecutive windows without dataset drift resolve an open <c>drift-detected</c> alert.</summary>
    public int CleanWindowsToResolve { get; init; } = DefaultCleanWindowsToResolve;

    public bool HasSources => InferenceLog is not null || LogAnalytics is not null;
}
